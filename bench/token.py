#!/usr/bin/env python3
"""Mints HS256 access tokens like the platform's issuer.

token.py <signing-key> <user-id> <role> [org-id]   one token for the user
token.py --many <count> <signing-key> <role>        <count> tokens of distinct new users, one per line
"""
import base64, hashlib, hmac, json, sys, time, uuid

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def mint(key: str, user: str, role: str, organization: str | None = None, lifetime_s: int = 3600) -> str:
    now = int(time.time())
    claims = {"sub": user, "email": f"{user}@bench.test", "role": role, "iss": "modular", "aud": "modular",
              "iat": now, "nbf": now, "exp": now + lifetime_s}
    if organization:
        claims["org"] = organization
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps(claims).encode())
    signature = b64(hmac.new(key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest())
    return f"{header}.{payload}.{signature}"

if sys.argv[1] == "--many":
    count, key, role = int(sys.argv[2]), sys.argv[3], sys.argv[4]
    sys.stdout.write("".join(mint(key, str(uuid.uuid4()), role) + "\n" for _ in range(count)))
else:
    print(mint(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None))
