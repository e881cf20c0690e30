#!/usr/bin/env python3
"""Values for every component schema of OpenAPI specs, made by an independent generator.

    make_values.py OUT.json SPEC [SPEC ...] [--per-schema N]

For each spec, for each component schema: up to N values valid by the spec, made by hypothesis-jsonschema
(derandomized, so a run is reproducible), and negatives made from them (a required property removed, a
property given a JSON type its schema forbids), each checked invalid by the `jsonschema` validator. Writes
{spec: {schema name: {"valid": [...], "invalid": [{"value", "why"}], "skipped": reason}}}.

The schemas are turned into JSON Schema first, with the rules a generated Rust type is held to:
- objects are closed (`additionalProperties: false` where the schema says nothing), so that every property
  a value holds is one the type declares; `allOf` of objects is merged first, so closing a member does not
  forbid the others' properties;
- a discriminator's values are the mapping's keys, else the member's component name (as OpenAPI says), and
  each member's tag property is held to them;
- `format: uuid` (which draft 7 lacks) is a lower-case UUID, as the uuid crate writes one;
- integers stay in the range of their Rust type (`int32`: i32, else i64), and `format: float` numbers have
  at most 6 significant digits (what an f32 holds exactly), so that a value the type cannot hold is not
  counted as a loss of the type's.
"""

import json
import multiprocessing
import os
import signal
import sys
import time
import warnings

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis_jsonschema import from_schema
import jsonschema

warnings.filterwarnings("ignore")

REF = "#/components/schemas/"
ANNOTATIONS = {"example", "examples", "xml", "externalDocs", "discriminator", "deprecated", "readOnly",
               "writeOnly", "title", "description", "default"}
UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
MAX_DEPTH = 24
# hypothesis-jsonschema compares the members of a union pairwise, so a schema that reaches a union wider than
# this is skipped (deterministically, unlike a timeout): authentik's challenge unions have about 30 members.
MAX_UNION_MEMBERS = 16
# A safety net only: no schema within the limits above takes more than a few seconds.
SCHEMA_SECONDS = 300


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout(f"took over {SCHEMA_SECONDS}s")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f) if path.endswith(".json") else yaml.safe_load(f)


class Converter:
    """OpenAPI schemas (3.0 or 3.1) as JSON Schema draft 7, under `definitions`."""

    def __init__(self, components, openapi_3_0):
        self.components = components
        self.openapi_3_0 = openapi_3_0
        self.cyclic = cyclic_components(components)
        # Components being inlined on the current path: a reference back to one of them is a cycle.
        self.inlining = []

    def definitions(self):
        return {name: self.convert(schema, 0, name) for name, schema in self.components.items()}

    def convert(self, schema, depth, name=None):
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return schema if isinstance(schema, bool) else {}
        if "$ref" in schema:
            return self.reference(schema["$ref"], depth)
        if "allOf" in schema:
            merged = self.merge_all_of(schema, depth)
            if merged is not None:
                schema = merged
        out = {}
        for key, value in schema.items():
            if key in ANNOTATIONS or key.startswith("x-") or key == "nullable":
                continue
            if key in ("properties", "patternProperties", "$defs", "definitions"):
                out[key] = {k: self.convert(v, depth + 1) for k, v in (value or {}).items()}
            elif key in ("items", "additionalProperties", "not", "contains", "propertyNames"):
                out[key] = self.convert(value, depth + 1) if isinstance(value, dict) else value
            elif key in ("allOf", "oneOf", "anyOf", "prefixItems"):
                out[key] = [self.convert(v, depth + 1) for v in value or []]
            else:
                out[key] = value
        if out.get("format") == "uuid":
            # hypothesis-jsonschema knows the formats of draft 7, which has no `uuid`: spelled as the uuid crate
            # writes it (lower case), so that the value is a UUID.
            del out["format"]
            out["pattern"] = UUID_PATTERN
        self.type_bare_objects(out, schema)
        self.close(out, schema)
        self.bound_numbers(out, schema)
        if "discriminator" in schema and ("oneOf" in out or "anyOf" in out):
            self.hold_tags(out, schema)
        if self.openapi_3_0 and schema.get("nullable") is True:
            out = {"anyOf": [out, {"type": "null"}]}
        return out

    def reference(self, ref, depth):
        """A reference into `definitions`, except to a component on a cycle (which hypothesis-jsonschema cannot
        generate from): that one is inlined, and where the cycle closes it becomes `false`, so that the value
        stops there (an optional property left out, an empty array). Values stay valid by the original."""
        if not ref.startswith(REF):
            return {}
        name = ref[len(REF):]
        if name not in self.cyclic:
            return {"$ref": "#/definitions/" + name}
        if name in self.inlining or len(self.inlining) > 3:
            return False
        self.inlining.append(name)
        try:
            return self.convert(self.components.get(name, {}), depth + 1)
        finally:
            self.inlining.pop()

    def resolve(self, schema, depth):
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < MAX_DEPTH:
            ref = schema["$ref"]
            if not ref.startswith(REF):
                return None
            schema = self.components.get(ref[len(REF):])
            seen += 1
        return schema if isinstance(schema, dict) else None

    def merge_all_of(self, schema, depth):
        """`allOf` of objects as one object (properties and required united, first declaration wins)."""
        if depth > MAX_DEPTH:
            return None
        merged = {k: v for k, v in schema.items() if k != "allOf"}
        for member in schema["allOf"]:
            member = self.resolve(member, depth)
            if member is None or not self.is_object(member):
                return None
            if "allOf" in member:
                member = self.merge_all_of(member, depth + 1)
                if member is None:
                    return None
            if member.get("oneOf") or member.get("anyOf"):
                return None
            for key, value in member.items():
                if key == "properties":
                    properties = merged.setdefault("properties", {})
                    for prop, prop_schema in value.items():
                        properties.setdefault(prop, prop_schema)
                elif key == "required":
                    merged["required"] = sorted(set(merged.get("required", [])) | set(value))
                else:
                    merged.setdefault(key, value)
        return merged

    @staticmethod
    def is_object(schema):
        return schema.get("type") in (None, "object") and not schema.get("enum")

    @staticmethod
    def type_bare_objects(out, schema):
        """`properties` without `type` as an object. JSON Schema lets such a schema accept any non-object too, but
        the docs mean an object by it (the plugin renders it as one), and so does the type made of it: a value the
        docs would never show (`3` for a `Problem`) says nothing about the type."""
        if "properties" in out and "type" not in schema and not any(k in out for k in ("oneOf", "anyOf", "allOf")):
            out["type"] = "object"

    @staticmethod
    def close(out, schema):
        if "properties" in out and "additionalProperties" not in schema and schema.get("type") in (None, "object"):
            if not any(k in out for k in ("oneOf", "anyOf", "allOf")):
                out["additionalProperties"] = False

    @staticmethod
    def bound_numbers(out, schema):
        kind = out.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "integer" in kinds:
            low, high = INTEGER_RANGES.get(schema.get("format"), INTEGER_RANGES["int64"])
            out["minimum"] = max(out.get("minimum", low), low) if isinstance(out.get("minimum", low), (int, float)) else low
            out["maximum"] = min(out.get("maximum", high), high) if isinstance(out.get("maximum", high), (int, float)) else high

    def hold_tags(self, out, schema):
        discriminator = schema["discriminator"]
        prop = discriminator.get("propertyName")
        mapping = discriminator.get("mapping") or {}
        key = "oneOf" if "oneOf" in out else "anyOf"
        members = schema.get(key) or []
        for i, member in enumerate(members):
            ref = member.get("$ref", "") if isinstance(member, dict) else ""
            if not ref.startswith(REF) or not prop:
                continue
            name = ref[len(REF):]
            tags = [tag for tag, target in mapping.items() if target in (ref, name)] or [name]
            out[key][i] = {"allOf": [out[key][i], {"properties": {prop: {"enum": tags}}, "required": [prop]}]}


def references(schema, found, depth=0):
    """The component names a schema refers to."""
    if depth > MAX_DEPTH:
        return found
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF):
            found.add(ref[len(REF):])
        for value in schema.values():
            references(value, found, depth + 1)
    elif isinstance(schema, list):
        for value in schema:
            references(value, found, depth + 1)
    return found


def cyclic_components(components):
    """The components that can reach themselves through references."""
    edges = {name: references(schema, set()) for name, schema in components.items()}
    cyclic = set()
    for start in components:
        stack, seen = list(edges[start]), set()
        while stack:
            name = stack.pop()
            if name == start:
                cyclic.add(start)
                break
            if name in seen or name not in edges:
                continue
            seen.add(name)
            stack.extend(edges[name])
    return cyclic


def round_floats(value, schema, components, depth=0):
    """Numbers where the (OpenAPI) schema says `format: float`, to 6 significant digits."""
    if depth > MAX_DEPTH or not isinstance(schema, dict):
        return value
    if "$ref" in schema:
        ref = schema["$ref"]
        return round_floats(value, components.get(ref[len(REF):], {}), components, depth + 1)
    if isinstance(value, float) and schema.get("format") == "float":
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        properties = {}
        for member in schema.get("allOf", []):
            resolved = member
            while isinstance(resolved, dict) and "$ref" in resolved:
                resolved = components.get(resolved["$ref"][len(REF):], {})
            if isinstance(resolved, dict):
                properties.update(resolved.get("properties") or {})
        properties.update(schema.get("properties") or {})
        return {k: round_floats(v, properties.get(k, {}), components, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [round_floats(v, schema.get("items", {}), components, depth + 1) for v in value]
    return value


def generate(schema, count):
    """Up to `count` distinct values of the JSON Schema, reproducibly."""
    values = {}

    @settings(max_examples=count * 3, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(from_schema(schema))
    def collect(value):
        if len(values) < count:
            values.setdefault(json.dumps(value, sort_keys=True), value)

    collect()
    return list(values.values())


def wrong_type(schema):
    """A value of a JSON type the property schema does not allow, or None."""
    kind = schema.get("type")
    kinds = set(kind if isinstance(kind, list) else [kind]) if kind else set()
    if not kinds or "null" in kinds:
        return None
    for candidate in ("not a number", 12345, True, ["x"], {"x": 1}):
        name = {str: "string", int: "integer", bool: "boolean", list: "array", dict: "object"}[type(candidate)]
        if name not in kinds and not (name == "integer" and "number" in kinds):
            return candidate
    return None


def negatives(value, resolved, validator):
    """Invalid variants of a valid object value, each confirmed invalid."""
    out = []
    if not isinstance(value, dict) or not isinstance(resolved, dict):
        return out
    for prop in resolved.get("required", []):
        if prop in value:
            broken = {k: v for k, v in value.items() if k != prop}
            if not validator.is_valid(broken):
                out.append({"value": broken, "why": f"required property `{prop}` removed"})
            break
    for prop, prop_schema in (resolved.get("properties") or {}).items():
        if prop in value and isinstance(prop_schema, dict):
            bad = wrong_type(prop_schema)
            if bad is not None:
                broken = dict(value, **{prop: bad})
                if not validator.is_valid(broken):
                    out.append({"value": broken, "why": f"property `{prop}` given {json.dumps(bad)}"})
                break
    return out


def widest_union(schema, definitions, seen, depth=0):
    """The most members of any `oneOf`/`anyOf` the schema reaches, through `definitions` too."""
    if depth > MAX_DEPTH:
        return 0
    if isinstance(schema, list):
        return max((widest_union(v, definitions, seen, depth + 1) for v in schema), default=0)
    if not isinstance(schema, dict):
        return 0
    widest = max(len(schema.get("oneOf") or []), len(schema.get("anyOf") or []))
    ref = schema.get("$ref", "")
    if ref.startswith("#/definitions/") and ref not in seen:
        seen.add(ref)
        widest = max(widest, widest_union(definitions.get(ref[len("#/definitions/"):]), definitions, seen, depth + 1))
    return max([widest] + [widest_union(v, definitions, seen, depth + 1) for k, v in schema.items() if k != "$ref"])


# What the worker processes share (set before they fork).
JOB = {}


def values_of_schema(name):
    """The entry of one component: valid values and negatives, or why it was skipped."""
    path, per_schema, components, definitions = JOB["path"], JOB["per_schema"], JOB["components"], JOB["definitions"]
    entry = {"valid": [], "invalid": []}
    schema = {"$ref": "#/definitions/" + name, "definitions": definitions}
    width = widest_union({"$ref": "#/definitions/" + name}, definitions, set())
    if width > MAX_UNION_MEMBERS:
        entry["skipped"] = f"reaches a union of {width} members (over {MAX_UNION_MEMBERS})"
        return name, entry
    started = time.monotonic()
    signal.alarm(SCHEMA_SECONDS)
    try:
        values = generate(schema, per_schema)
    except Exception as e:  # noqa: BLE001 - a schema the generator cannot take is skipped, with the reason
        entry["skipped"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"
        return name, entry
    finally:
        signal.alarm(0)
    if time.monotonic() - started > 10:
        print(f"{path}: {name} took {time.monotonic() - started:.1f}s", file=sys.stderr)
    validator = jsonschema.Draft7Validator(schema)
    for value in values:
        value = round_floats(value, components[name], components)
        if validator.is_valid(value):
            entry["valid"].append(value)
            entry["invalid"].extend(negatives(value, definitions[name], validator))
    return name, entry


def values_of_spec(path, per_schema):
    spec = load(path)
    components = ((spec.get("components") or {}).get("schemas")) or {}
    openapi_3_0 = str(spec.get("openapi", "3.0")).startswith("3.0")
    definitions = Converter(components, openapi_3_0).definitions()
    JOB.update(path=path, per_schema=per_schema, components=components, definitions=definitions)
    names = sorted(components)
    # One process per schema: hypothesis keeps state between runs in a process, so that a schema's values
    # would depend on which schemas the same worker took before it.
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1, maxtasksperchild=1) as pool:
        return dict(pool.map(values_of_schema, names, chunksize=1))


def main(argv):
    signal.signal(signal.SIGALRM, on_alarm)
    per_schema = 4
    if "--per-schema" in argv:
        i = argv.index("--per-schema")
        per_schema = int(argv[i + 1])
        del argv[i:i + 2]
    out_path, specs = argv[0], argv[1:]
    result = {spec: values_of_spec(spec, per_schema) for spec in specs}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, sort_keys=True)


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main(sys.argv[1:])
