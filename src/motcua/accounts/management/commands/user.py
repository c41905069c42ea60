"""``motcua user``: officers' accounts from the command line.

    motcua user reset-link USERNAME

prints a password-reset link for the officer (an imported officer has no password until they
set one; the link is built on ``MOTCUA_PUBLIC_URL``), for an administrator to hand over.
"""

from django.core.management.base import BaseCommand, CommandError

from motcua.accounts.models import User
from motcua.accounts.officers import password_reset_link


class Command(BaseCommand):
    help = "Tài khoản cán bộ: in liên kết đặt lại mật khẩu / officers' accounts: reset link."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        link = commands.add_parser("reset-link", help="print a password-reset link for a user")
        link.add_argument("username")

    def handle(self, *args, **options):
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng / no user {options['username']!r}") from None
        if not user.is_active:
            raise CommandError(
                f"Tài khoản {user.username} đã bị khóa / the account {user.username} is inactive"
            )
        self.stdout.write(password_reset_link(user))
