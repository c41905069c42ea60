"""A package for another province than the seed's (``motcua generate --province-name
--province-code``): the same organisation, catalog and volume, under the other province's name
and code. Since 1 July 2025 one instance may hold three former provinces (Lâm Đồng took in
Bình Thuận and Đắk Nông), so every key that a real province would not share with another is
made the province's own:

- agency, procedure and dossier codes already embed the province code (000.00.12.H36);
- decision numbers (``1970/QĐ-UBND``) are unique only within a province: they get the code
  (``1970/QĐ-UBND (H36)``);
- officers' usernames get the code as a prefix (``h36.motcua``); feedback codes too
  (``PAKN-H36-2024-0001``);
- the seed's province name in names and texts becomes the province's name.

The districts and communes keep the seed's names, with the province in brackets: the package
is synthetic, its organisation is not the real one of that province.
"""

import dataclasses

from motcua.demo.generator.data.places import PROVINCE_NAME
from motcua.demo.generator.model import ProvinceData


def decision_number(number: str, code: str) -> str:
    return f"{number} ({code})"


def rehome(data: ProvinceData) -> None:
    """Rewrite ``data`` (built with ``data.code``) for the province ``data.name``, in place."""
    name, code = data.name, data.code

    def renamed(text: str) -> str:
        return text.replace(PROVINCE_NAME, name)

    data.local_prefix = f"{code}-"
    data.agencies = [
        dataclasses.replace(
            agency,
            name=(
                f"{agency.name} ({name})"
                if agency.kind in ("district", "commune")
                else renamed(agency.name)
            ),
        )
        for agency in data.agencies
    ]
    data.decisions = [
        dataclasses.replace(d, number=decision_number(d.number, code), title=renamed(d.title))
        for d in data.decisions
    ]
    for procedure in data.procedures:
        procedure.name = renamed(procedure.name)
        for text_field in ("steps", "submission_methods", "requirements", "legal_basis", "result"):
            setattr(procedure, text_field, renamed(getattr(procedure, text_field)))
        procedure.components = [
            dataclasses.replace(c, name=renamed(c.name)) for c in procedure.components
        ]
        if procedure.decision_number:
            procedure.decision_number = decision_number(procedure.decision_number, code)
    data.shortenings = [
        dataclasses.replace(s, decision_number=decision_number(s.decision_number, code))
        for s in data.shortenings
    ]
    data.officers = [
        dataclasses.replace(o, username=f"{code.lower()}.{o.username}") for o in data.officers
    ]
