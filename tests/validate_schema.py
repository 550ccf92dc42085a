#!/usr/bin/python3
"""Validates JSON documents against a JSON Schema (draft 2020-12) with the jsonschema package.

usage: validate_schema.py SCHEMA FILE...   (FILE may be a .json document or a .jsonl stream)
Prints one line per violation, "FILE[:LINE]: /json/pointer: message", and exits 1 if any.
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    bad = 0
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        docs = []
        if path.endswith(".jsonl"):
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    docs.append((f"{path}:{n}", json.loads(line)))
        else:
            docs.append((path, json.loads(text)))
        for where, doc in docs:
            for err in validator.iter_errors(doc):
                pointer = "/" + "/".join(str(p) for p in err.absolute_path)
                print(f"{where}: {pointer}: {err.message}")
                bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
