"""The API page: each operation of the app's OpenAPI schema as plain data for a template (its
method, path, summary, form fields and a curl line that calls it)."""

from __future__ import annotations

from dataclasses import dataclass, field

# One working call per operation, with the samples shipped in the repository.
EXAMPLES = {
    ("get", "/api/jobs"): "curl -s {base}/api/jobs",
    ("post", "/api/check"): "curl -s -F resume=@samples/career-changer.pdf -F job=network-technician {base}/api/check\n"
                            "curl -s -F text=\"$(cat my-resume.txt)\" -F job=network-technician {base}/api/check",
    ("post", "/api/export"): "curl -s -F text=\"$(cat my-resume.txt)\" -o my-resume.docx {base}/api/export",
    ("post", "/api/rank"): "curl -s -F files=@applicants.zip -F job=network-technician -F top=5 {base}/api/rank",
    ("get", "/api/rank/{token}"): "curl -s {base}/api/rank/TOKEN",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "file", "text", "files (repeatable)", "path"
    description: str
    required: bool = False


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    anchor: str
    fields: list[Field] = field(default_factory=list)
    example: str = ""


def operations(schema: dict, base: str) -> list[Operation]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            fields = [Field(p["name"], "path", p.get("description", ""), True) for p in spec.get("parameters", [])]
            form = spec.get("requestBody", {}).get("content", {}).get("multipart/form-data", {}).get("schema", {})
            required = set(form.get("required", []))
            for name, prop in form.get("properties", {}).items():
                fields.append(Field(name, _kind(prop), prop.get("description", ""), name in required))
            anchor = f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}"
            example = EXAMPLES.get((method, path), "").format(base=base)
            out.append(Operation(method.upper(), path, spec.get("summary", ""), anchor, fields, example))
    return out


def _kind(prop: dict) -> str:
    if prop.get("type") == "array":
        item = prop.get("items", {})
        return "files (repeatable)" if item.get("format") == "binary" else "text (repeatable)"
    return "file" if prop.get("format") == "binary" else "text"
