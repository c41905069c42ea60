"""The people the demo's fake identity provider offers: four citizens and one organisation
who are applicants of the live demo dossiers, so that signing in shows their dossiers."""

from __future__ import annotations

import re
from typing import Any

from motcua.dossiers.models import ApplicantKind, Dossier

PERSON_ID = re.compile(r"\d{12}")
ORGANISATION_CODE = re.compile(r"\d{10}(?:-\d{3})?")


def demo_identity_people(persons: int = 4, organisations: int = 1) -> list[dict[str, Any]]:
    """Claims (as ``integrations.fakeidp`` lists them) of the applicants of the newest live
    dossiers, the ones with the most dossiers first."""
    wanted = {ApplicantKind.PERSON: persons, ApplicantKind.ORGANISATION: organisations}
    people: dict[str, dict[str, Any]] = {}
    dossiers = Dossier.objects.filter(ended_at__isnull=True).order_by("-received_at", "-id")
    for dossier in dossiers.iterator():
        kind, number = dossier.applicant_kind, dossier.applicant_id_number
        pattern = PERSON_ID if kind == ApplicantKind.PERSON else ORGANISATION_CODE
        if number in people or not pattern.fullmatch(number) or wanted.get(kind, 0) <= 0:
            continue
        wanted[kind] -= 1
        people[number] = {
            "so_dinh_danh": number,
            "loai_tai_khoan": "cong_dan" if kind == ApplicantKind.PERSON else "to_chuc",
            "name": dossier.applicant_name,
            "address": dossier.applicant_address,
            "phone_number": dossier.applicant_phone,
            "email": dossier.applicant_email,
        }
        if not any(wanted.values()):
            break
    return list(people.values())
