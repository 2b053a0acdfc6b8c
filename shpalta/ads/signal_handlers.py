"""Purges on ad slot changes (connected in apps.py): a slot shows on every page of its
edition, and changes rarely, so everything goes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shpalta.caching import keys
from shpalta.caching.purge import purge

from .models import AdSlot


@receiver([post_save, post_delete], sender=AdSlot)
def purge_everything(sender, **kwargs):
    purge({keys.ALL})
