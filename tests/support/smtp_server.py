#!/usr/bin/python3
"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

Run with Debian's /usr/bin/python3. Prints "PORT n" once it listens, then serves until
its standard input closes (the test ends) or it is killed.

Modes:
  accept        aiosmtpd; each message is written to --dir as JSON (envelope, raw bytes,
                and the subject and body decoded by Python's email package)
  refuse-login  aiosmtpd whose every AUTH fails (535)
  starttls      aiosmtpd offering STARTTLS with --cert/--key
  tls           aiosmtpd behind implicit TLS with --cert/--key
  drop          a plain socket: greeting, answers EHLO, closes at the next command
  drop-greeting a plain socket: greeting, then the connection closes
  silent        a plain socket: accepts the connection and never says a word
"""
import argparse
import base64
import email
import email.policy
import json
import os
import socket
import ssl
import sys
import threading
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def announce(port):
    print(f"PORT {port}", flush=True)


def wait_for_stdin_close():
    try:
        sys.stdin.read()
    except Exception:
        pass


def plain_socket_server(mode):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    held = []

    def serve():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            if mode == "silent":
                held.append(conn)  # kept open, never answered
                continue
            threading.Thread(target=drop_dialogue, args=(conn, mode), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    announce(srv.getsockname()[1])
    wait_for_stdin_close()


def drop_dialogue(conn, mode):
    try:
        conn.sendall(b"220 drop.test ESMTP ready\r\n")
        if mode == "drop-greeting":
            return
        f = conn.makefile("rb")
        line = f.readline()
        if line.upper().startswith((b"EHLO", b"HELO")):
            conn.sendall(b"250-drop.test\r\n250 8BITMIME\r\n")
        f.readline()  # the next command: the connection goes instead of an answer
    finally:
        conn.close()


def aiosmtpd_server(args):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    counter = {"n": 0}
    lock = threading.Lock()

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            raw = envelope.original_content or envelope.content
            if isinstance(raw, str):
                raw = raw.encode("utf-8")
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            body = msg.get_content() if not msg.is_multipart() else ""
            body = body.replace("\r\n", "\n")  # the parser keeps the wire's line ends
            record = {
                "mailFrom": envelope.mail_from,
                "rcptTos": list(envelope.rcpt_tos),
                "authMechanism": getattr(session, "sb_mechanism", None),
                "authLogin": getattr(session, "sb_login", None),
                "tls": server.transport.get_extra_info("ssl_object") is not None,
                "raw": base64.b64encode(raw).decode("ascii"),
                "subject": str(msg["subject"]),
                "from": str(msg["from"]),
                "to": str(msg["to"]),
                "date": str(msg["date"]),
                "messageId": str(msg["message-id"]),
                "contentType": msg.get_content_type(),
                "charset": msg.get_content_charset(),
                "transferEncoding": str(msg["content-transfer-encoding"]),
                "body": body,
                "defects": [str(d) for d in msg.defects],
            }
            with lock:
                counter["n"] += 1
                n = counter["n"]
            path = os.path.join(args.dir, f"message-{n:03d}.json")
            with open(path + ".part", "w", encoding="utf-8") as f:
                json.dump(record, f)
            os.replace(path + ".part", path)
            return "250 Message accepted for delivery"

    def authenticator(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        ok = (args.mode != "refuse-login" and login == args.user and password == args.password)
        if ok:
            session.sb_mechanism = mechanism
            session.sb_login = login
        return AuthResult(success=ok, handled=False)

    params = {}
    if args.user or args.mode == "refuse-login":
        params.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    if args.exclude:
        params["auth_exclude_mechanism"] = args.exclude.split(",")
    port = free_port()
    kwargs = {}
    if args.mode in ("starttls", "tls"):
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.cert, args.key)
        if args.mode == "starttls":
            params["tls_context"] = ctx
            params["require_starttls"] = True
        else:
            kwargs["ssl_context"] = ctx
    controller = Controller(Handler(), hostname="127.0.0.1", port=port,
                            server_hostname="localhost", ready_timeout=20,
                            **kwargs, **params)
    controller.start()
    announce(port)
    wait_for_stdin_close()
    controller.stop()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", default="accept",
                   choices=["accept", "refuse-login", "starttls", "tls", "drop", "drop-greeting",
                            "silent"])
    p.add_argument("--dir", default=".")
    p.add_argument("--user", default="")
    p.add_argument("--password", default="")
    p.add_argument("--exclude", default="", help="AUTH mechanisms not offered, e.g. PLAIN")
    p.add_argument("--cert")
    p.add_argument("--key")
    args = p.parse_args()
    if args.mode in ("drop", "drop-greeting", "silent"):
        plain_socket_server(args.mode)
    else:
        aiosmtpd_server(args)


if __name__ == "__main__":
    main()
