"""Reads e-mail messages back with Python's `email` package (issue 13 tests): for each .eml file
given, one JSON object with the decoded headers, the text and HTML parts and every attachment
(content type, decoded file name, size, SHA-256 of the decoded bytes). The tests assert on it."""
import email
import email.policy
import hashlib
import json
import sys

out = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    item = {"file": path, "headers": {}, "attachments": [], "text": None, "html": None,
            "defects": [str(d) for d in msg.defects], "bytes": len(raw),
            "raw_ascii": all(b < 128 for b in raw)}
    for name in ("From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "MIME-Version", "Reply-To"):
        if msg[name] is not None:
            item["headers"][name] = str(msg[name])
    item["to_addresses"] = [a.addr_spec for a in msg["To"].addresses] if msg["To"] else []
    item["to_names"] = [a.display_name for a in msg["To"].addresses] if msg["To"] else []
    item["content_type"] = msg.get_content_type()
    for part in msg.walk():
        if part.is_multipart():
            item["defects"] += [str(d) for d in part.defects]
            continue
        if part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True)
            item["attachments"].append({"filename": part.get_filename(), "type": part.get_content_type(),
                                        "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        elif part.get_content_type() == "text/plain":
            item["text"] = part.get_content()
        elif part.get_content_type() == "text/html":
            item["html"] = part.get_content()
    out.append(item)
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
