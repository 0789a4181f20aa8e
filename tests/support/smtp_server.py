"""A real SMTP server for the e-mail tests (issue 13): aiosmtpd on loopback, with STARTTLS required
(--cert/--key) or implicit TLS (--implicit-tls), AUTH required (--user/--password), and scripted
misbehaviour: --data-replies 451,250 answers the first DATA with 451 and the second with 250;
--drop-data N closes the connection, without a reply, after receiving each of the first N DATA;
--reject-rcpt ADDR answers 550 to RCPT TO:<ADDR>. Each accepted message is saved as DIR/NNNN.eml
with DIR/NNNN.json (envelope sender, recipients, the AUTH login). Writes DIR/ready once listening.
Stops on SIGTERM; the tests also start it under `timeout`, so it never outlives them."""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys
import logging
import time

logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd 1.4 logs its own deprecation notes

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--dir", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--implicit-tls", action="store_true")
parser.add_argument("--user")
parser.add_argument("--password")
parser.add_argument("--data-replies", default="")
parser.add_argument("--drop-data", type=int, default=0)
parser.add_argument("--reject-rcpt", action="append", default=[])
args = parser.parse_args()

state = {"data": 0, "saved": 0}
scripted = [r for r in args.data_replies.split(",") if r]


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in args.reject_rcpt:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        n = state["data"]
        state["data"] += 1
        if n < args.drop_data:
            server.transport.abort()  # the message received but never acknowledged
            return "421 gone"
        if n < len(scripted) and not scripted[n].startswith("2"):
            code = scripted[n]
            return code + (" 4.3.0 Try again later" if code.startswith("4") else " 5.7.1 Refused")
        state["saved"] += 1
        base = os.path.join(args.dir, "%04d" % state["saved"])
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login,
                       "tls": session.ssl is not None}, f)
        return "250 2.0.0 Ok: queued as %04d" % state["saved"]


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
          and auth_data.password.decode() == args.password)
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


def main():
    kwargs = {}
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    if args.implicit_tls:
        kwargs["ssl_context"] = context
    elif context:
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = True
    if args.user:
        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        kwargs["auth_require_tls"] = context is not None
    controller = Controller(Handler(), hostname="127.0.0.1", port=args.port, ready_timeout=10, **kwargs)
    controller.start()
    with open(os.path.join(args.dir, "ready"), "w") as f:
        f.write(str(os.getpid()))
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        time.sleep(0.05)
    controller.stop()


if __name__ == "__main__":
    main()
