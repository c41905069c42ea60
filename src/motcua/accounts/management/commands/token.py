"""``motcua token``: API tokens for other systems.

    motcua token create --user U --name "Cổng DVC" --scope dossier.work [--expires-days N]
motcua token list [--user U]
motcua token revoke ID
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.accounts.models import ApiToken, User
from motcua.accounts.roles import ACTIONS
from motcua.accounts.tokens import token_create, token_revoke
from motcua.utils.errors import DomainError


class Command(BaseCommand):
    help = "Tạo, liệt kê, thu hồi khóa API / create, list and revoke API tokens."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        create = commands.add_parser("create", help="create a token and print its secret once")
        create.add_argument("--user", required=True, help="the username the token acts as")
        create.add_argument("--name", default="", help="what the token is for")
        create.add_argument(
            "--scope",
            action="append",
            required=True,
            choices=sorted(ACTIONS),
            help="an action the token may perform (repeat for several)",
        )
        create.add_argument("--expires-days", type=int, default=None)
        listing = commands.add_parser("list", help="list tokens (never their secrets)")
        listing.add_argument("--user", default=None)
        revoke = commands.add_parser("revoke", help="revoke a token")
        revoke.add_argument("id", type=int)

    def handle(self, *args, **options):
        return getattr(self, f"_{options['command']}")(options)

    def _create(self, options) -> None:
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng / no user {options['user']!r}") from None
        try:
            token, secret = token_create(
                user=user,
                name=options["name"] or f"token of {user.username}",
                scopes=options["scope"],
                now=timezone.now(),
                expires_days=options["expires_days"],
            )
        except DomainError as error:
            raise CommandError(error.bilingual) from None
        self.stdout.write(f"Token {token.pk} ({token.name}), scopes: {', '.join(token.scopes)}")
        if token.expires_at:
            self.stdout.write(f"Hết hạn / expires: {token.expires_at:%Y-%m-%d %H:%M %Z}")
        self.stdout.write(
            "Khóa bí mật, chỉ hiện một lần / the secret, shown only this once "
            "(Authorization: Bearer …):"
        )
        self.stdout.write(secret)

    def _list(self, options) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("id")
        if options["user"]:
            tokens = tokens.filter(user__username=options["user"])
        now = timezone.now()
        for token in tokens:
            state = "active" if token.is_valid(now) else "revoked/expired"
            self.stdout.write(
                f"{token.pk:>4} {token.prefix}… {token.user.username:<16} {state:<16} "
                f"{','.join(token.scopes)}  {token.name}"
            )

    def _revoke(self, options) -> None:
        try:
            token = ApiToken.objects.get(pk=options["id"])
        except ApiToken.DoesNotExist:
            raise CommandError(f"Không có khóa / no token {options['id']}") from None
        token_revoke(token=token, now=timezone.now())
        self.stdout.write(f"Đã thu hồi / revoked token {token.pk} ({token.name})")
