"""``motcua pki init [--dir D] [--force]`` and ``motcua pki export-ca PATH``: the demo PKI."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.signing.keys import keys_path
from motcua.signing.pki import KEYS_FILE, ca_certificate_pem, pki_init


class Command(BaseCommand):
    help = (
        "Demo PKI: a province CA, a certificate per agency (seal) and per approving officer "
        "(leader), as PKCS#12 files named in keys.json (MOTCUA_SIGNING_KEYS)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        init = sub.add_parser("init", help="create or complete the PKI (keeps what exists)")
        init.add_argument("--dir", help="folder (default: that of MOTCUA_SIGNING_KEYS)")
        init.add_argument("--force", action="store_true", help="start over with a new CA")
        export = sub.add_parser("export-ca", help="write the CA certificate (PEM)")
        export.add_argument("path")
        export.add_argument("--dir", help="folder (default: that of MOTCUA_SIGNING_KEYS)")

    def handle(self, *args, action, **options):
        directory = Path(options["dir"]) if options.get("dir") else keys_path().parent
        if action == "init":
            result = pki_init(directory, force=options["force"])
            self.stdout.write(
                f"{'CA created' if result.ca_created else 'CA kept'}; "
                f"{len(result.issued)} certificate(s) issued, {len(result.kept)} kept "
                f"({result.keys_file})"
            )
            for name in result.issued:
                self.stdout.write(f"  + {name}")
            if (directory / KEYS_FILE).resolve() != keys_path().resolve():
                self.stdout.write(f"Set MOTCUA_SIGNING_KEYS={result.keys_file} to sign with it.")
            self.stdout.write("Demo keys only: production keys live on a token or in an HSM.")
        else:
            try:
                pem = ca_certificate_pem(directory)
            except (OSError, KeyError, ValueError) as exc:
                raise CommandError(f"No PKI in {directory}: run `motcua pki init` ({exc})") from exc
            Path(options["path"]).write_bytes(pem)
            self.stdout.write(f"CA certificate written to {options['path']}")
