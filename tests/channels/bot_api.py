"""A small Telegram Bot API on loopback for the tests: it keeps each chat's messages as
Telegram would (send, edit, delete), records every call, and answers what a test asks
of it next (a refusal, a 429 with retry_after, a 500, or no answer at all)."""

import itertools
import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "123456:test-token"
UK, EN = "@shpalta_uk", "@shpalta_en"


class BotAPI:
    def __init__(self):
        self.calls: list[tuple[str, dict]] = []
        self.chats: dict[str, dict[int, dict]] = {}  # chat -> message id -> message
        self.next_answers: deque = deque()  # (status, body) or ("hang", seconds)
        self.released = threading.Event()
        self._ids = itertools.count(101)
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"] or 0)
                fields = json.loads(self.rfile.read(length) or b"{}")
                token, _slash, method = self.path.removeprefix("/bot").partition("/")
                status, body = api.answer(token, method, fields)
                if status == "hang":
                    api.released.wait(body)
                    return
                if status == "slow":
                    time.sleep(body)
                    status, body = api.answer(token, method, fields, again=True)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def answer(self, token: str, method: str, fields: dict, again: bool = False):
        if not again:
            self.calls.append((method, fields))
        if self.next_answers and not again:
            return self.next_answers.popleft()
        if token != TOKEN:
            return 401, refusal(401, "Unauthorized")
        chat = self.chats.setdefault(str(fields.get("chat_id")), {})
        if method in ("sendMessage", "sendPhoto"):
            number = next(self._ids)
            chat[number] = {"text": fields.get("text") or fields.get("caption"), **fields}
            chat[number]["sent"] = time.time()
            return 200, {"ok": True, "result": {"message_id": number, "date": int(time.time())}}
        message = chat.get(fields.get("message_id"))
        if method == "deleteMessage":
            if message is None:
                return 400, refusal(400, "Bad Request: message to delete not found")
            del chat[fields["message_id"]]
            return 200, {"ok": True, "result": True}
        if message is None:
            return 400, refusal(400, "Bad Request: message to edit not found")
        new = fields.get("text") or fields.get("caption") or fields.get("media", {}).get("caption")
        if new == message["text"] and method != "editMessageMedia":
            return 400, refusal(400, "Bad Request: message is not modified")
        message["text"] = new
        if method == "editMessageMedia":
            message["photo"] = fields["media"]["media"]
        return 200, {"ok": True, "result": {"message_id": fields["message_id"]}}

    def refuse_next(self, status: int, description: str, retry_after: int | None = None):
        body = refusal(status, description)
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        self.next_answers.append((status, body))

    def hang_next(self, seconds: float = 30):
        self.next_answers.append(("hang", seconds))

    def slow_next(self, seconds: float):
        """Answer the next call as usual, after `seconds`."""
        self.next_answers.append(("slow", seconds))

    def messages(self, chat: str) -> list[dict]:
        return list(self.chats.get(chat, {}).values())

    def methods(self) -> list[str]:
        return [method for method, _fields in self.calls]


def refusal(code: int, description: str) -> dict:
    return {"ok": False, "error_code": code, "description": description}
