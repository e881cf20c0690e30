#!/usr/bin/env python3
"""Validate OpenAPI documents with openapi-spec-validator (3.0 and 3.1, chosen by the document's `openapi`).

usage: validate.py SPEC... ; prints `path<TAB>ok` or `path<TAB>first line of the error` per document.
"""
import json
import sys

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

for path in sys.argv[1:]:
    try:
        spec, _ = read_from_filename(path)
        validate(spec)
        print(f"{path}\tok")
    except Exception as error:  # the validator raises many kinds; each is a finding, not a crash
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        where = getattr(error, "json_path", "")
        print(f"{path}\t{where}: {message[:300]}")
    sys.stdout.flush()
