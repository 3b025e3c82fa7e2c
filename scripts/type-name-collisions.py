#!/usr/bin/env python3
"""Lists the public and internal type names of each product project (the top-level IgnitionToolkit.* folders) and the
names declared in more than one of them. Exit code 1 when there is a collision (issue 16: no two types with the same
name in different projects). Usage: scripts/type-name-collisions.py [--list]"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DECLARATION = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)*(?P<access>public|internal|protected|private|file)?\s*"
    r"(?:(?:static|sealed|abstract|partial|readonly|ref|unsafe|new)\s+)*"
    r"(?P<kind>class|record(?:\s+(?:class|struct))?|struct|interface|enum)\s+(?P<name>[A-Za-z_]\w*)",
    re.MULTILINE)


def types_of(project: pathlib.Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for source in sorted(project.rglob("*.cs")):
        relative = source.relative_to(project)
        if relative.parts[0] in ("bin", "obj") or "Migrations" in relative.parts:
            continue  # build output; EF migrations are generated per provider
        for match in DECLARATION.finditer(source.read_text(encoding="utf-8-sig")):
            if match["access"] in ("private", "protected", "file"):
                continue  # not visible outside its declaring type or file
            found.setdefault(match["name"], []).append(f"{project.name}/{relative}")
    return found


def main() -> int:
    projects = sorted(p for p in ROOT.glob("IgnitionToolkit.*") if p.is_dir() and any(p.glob("*.csproj")))
    by_name: dict[str, list[str]] = {}
    for project in projects:
        names = types_of(project)
        if "--list" in sys.argv:
            print(f"{project.name}: {len(names)} types")
            for name in sorted(names):
                print(f"  {name}")
        for name, places in names.items():
            by_name.setdefault(name, []).extend(places)
    collisions = {name: places for name, places in by_name.items()
                  if len({place.split("/", 1)[0] for place in places}) > 1}
    for name in sorted(collisions):
        print(f"{name}: " + ", ".join(collisions[name]))
    print(f"{len(collisions)} type name(s) declared in more than one project")
    return 1 if collisions else 0


if __name__ == "__main__":
    sys.exit(main())
