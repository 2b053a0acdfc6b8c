"""Stored-XSS payloads, written for these tests: each calls __xss(<its number>) if it
ever runs, so a run names the payload and the place that let it through."""

MARK = "__xss({n})"

_TEXT = [
    "<script>{x}</script>",
    "<ScRiPt>{x}</sCrIpT>",
    "<script >{x}</script >",
    "<script/src=data:,{x}></script>",
    "<script\n>{x}</script\n>",
    "<img src=x onerror={x}>",
    "<IMG SRC=x OnErRoR={x}>",
    "<img src=x onerror='{x}'>",
    '<img src="x" onerror="{x}">',
    "<img/src=x/onerror={x}>",
    "<svg onload={x}>",
    "<svg><script>{x}</script></svg>",
    "<svg><animate onbegin={x} attributeName=x dur=1s>",
    "<body onload={x}>",
    "<details open ontoggle={x}>",
    "<input autofocus onfocus={x}>",
    "<select autofocus onfocus={x}></select>",
    "<textarea autofocus onfocus={x}></textarea>",
    "<video><source onerror={x}></video>",
    "<audio src=x onerror={x}>",
    "<iframe srcdoc='<script>parent.{x}</script>'></iframe>",
    "<iframe src=javascript:{x}></iframe>",
    "<object data=javascript:{x}></object>",
    "<embed src=javascript:{x}>",
    "<marquee onstart={x}>",
    '<div style="background:url(javascript:{x})">',
    "<a href=javascript:{x}>link</a>",
    "<a href=JaVaScRiPt:{x}>link</a>",
    '<a href="java&#x09;script:{x}">link</a>',
    '<a href="&#106;avascript:{x}">link</a>',
    '<a href="javascript&colon;{x}">link</a>',
    '<a href=" javascript:{x}">link</a>',
    '<a href="data:text/html,<script>{x}</script>">link</a>',
    '<a href="vbscript:msgbox(1)" onclick="{x}">link</a>',
    "<form action=javascript:{x}><button>go</button></form>",
    "<button formaction=javascript:{x}>go</button>",
    "<math><a xlink:href=javascript:{x}>link</a></math>",
    '"><script>{x}</script>',
    "'><script>{x}</script>",
    '"><img src=x onerror={x}>',
    "'><img src=x onerror={x}>",
    '" onmouseover="{x}" x="',
    "' onfocus='{x}' autofocus='",
    "</title><script>{x}</script>",
    "</textarea><script>{x}</script>",
    "</script><script>{x}</script>",
    "</style><script>{x}</script>",
    "--><script>{x}</script><!--",
    "]]><script>{x}</script>",
    '<noscript><p title="</noscript><img src=x onerror={x}>">',
    "<svg><style><img src=x onerror={x}></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror={x}>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror={x}>",
    "<template><script>{x}</script></template><img src=x onerror={x}>",
    "<xmp><img src=x onerror={x}></xmp>",
    "<base href=javascript:/{x}//>",
    '<meta http-equiv=refresh content="0;url=javascript:{x}">',
    "<link rel=import href=data:text/html,<script>{x}</script>>",
    "{{{{ {x} }}}}",
    "{{% if 1 %}}<script>{x}</script>{{% endif %}}",
    "${{{x}}}",
    "#{{{x}}}",
    "<%= {x} %>",
    "{{{{constructor.constructor('{x}')()}}}}",
    "＜script＞{x}＜/script＞",
    "<scr\u200bipt>{x}</scr\u200bipt>",
    "\u202e<script>{x}</script>",
    "%3Cscript%3E{x}%3C/script%3E",
    "&lt;script&gt;{x}&lt;/script&gt;",
    "&amp;lt;img src=x onerror={x}&amp;gt;",
    "<scr<script>ipt>{x}</scr</script>ipt>",
    "<<script>script>{x}<</script>/script>",
    "<img src=`x` onerror={x}>",
    '<img src=x onerror="&#x5f;&#x5f;xss(0)" data-n={n}>',
    "\\u003cscript\\u003e{x}\\u003c/script\\u003e",
]


def build() -> list[str]:
    """Each shape twice: with a plain call, and with the call inside a setTimeout string
    (which a filter looking for the call's own form misses)."""
    payloads = []
    for shape in _TEXT:
        for wrap in ("{m}", "setTimeout('{m}')"):
            n = len(payloads)
            payloads.append(shape.format(x=wrap.format(m=MARK.format(n=n)), n=n))
    return payloads


PAYLOADS = build()
