#!/usr/bin/env python3
"""Mints an HS256 access token like the platform's issuer: token.py <signing-key> <user-id> <role> [org-id]."""
import base64, hashlib, hmac, json, sys, time

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

key, user, role = sys.argv[1], sys.argv[2], sys.argv[3]
now = int(time.time())
claims = {"sub": user, "email": f"{user}@bench.test", "role": role, "iss": "modular", "aud": "modular",
          "iat": now, "nbf": now, "exp": now + 3600}
if len(sys.argv) > 4:
    claims["org"] = sys.argv[4]
header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
payload = b64(json.dumps(claims).encode())
signature = b64(hmac.new(key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest())
print(f"{header}.{payload}.{signature}")
