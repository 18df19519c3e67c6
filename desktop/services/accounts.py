"""Staff accounts: the first administrator, roles, argon2 passwords, lock-out, login."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import translate
from desktop.models import ROLES, StaffAccount, utcnow
from desktop.services import audit
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.permissions import ROLE_LABELS, Actor, require

# Five wrong passwords in a row lock the account for a quarter of an hour (or until an
# administrator unlocks it): enough for typos, too few to guess a password at the open entrance.
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

# argon2id with the library's recommended cost (about 0.1 s per check on an office PC).
# Module-level so tests may swap in a cheaper one; old hashes are upgraded at the next login.
HASHER = PasswordHasher()

# A hash of nothing useful, checked when the user name is unknown so that a wrong name takes
# as long as a wrong password and does not reveal which names exist.
_DUMMY_HASH: str | None = None

def role_label(role: str) -> str:
    return translate("Permissions", ROLE_LABELS.get(role, role))


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    last_login_at: datetime | None
    created_at: datetime

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


@dataclass(frozen=True)
class LoginResult:
    """What a login attempt gave: the actor, or a message saying why not (never an exception,
    so the caller's unit of work still commits the failed-attempt count)."""

    actor: Actor | None
    message: str = ""
    must_change_password: bool = False

    @property
    def ok(self) -> bool:
        return self.actor is not None


def normalise_username(text: str) -> str:
    """Full-width to half-width, trimmed, case-folded: "Wang", "ｗａｎｇ " and "wang" are one name."""
    return unicodedata.normalize("NFKC", text or "").strip().casefold()


def _actor(account: StaffAccount) -> Actor:
    return Actor(account.id, account.display_name, account.role)


def _row(a: StaffAccount) -> AccountRow:
    return AccountRow(
        a.id, a.username, a.display_name, a.role, a.active, a.locked_until,
        a.must_change_password, a.last_login_at, a.created_at,
    )


def _check_password(password: str, username: str = "") -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            translate("Accounts", "A password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH),
        )
    if username and normalise_username(password) == username:
        raise ValidationError("password", translate("Accounts", "The password cannot be the user name."))


def _validate_new(s: Session, username: str, display_name: str, role: str, password: str) -> tuple[str, str]:
    errors: dict[str, str] = {}
    name = normalise_username(username)
    display = " ".join((display_name or "").split())
    if not name:
        errors["username"] = translate("Accounts", "The user name is required.")
    elif len(name) > 60 or any(ch.isspace() for ch in name):
        errors["username"] = translate("Accounts", "A user name is one word of at most 60 characters.")
    elif s.scalar(select(StaffAccount.id).where(StaffAccount.username == name)) is not None:
        errors["username"] = translate("Accounts", "The user name {name} is taken.").format(name=name)
    if not display:
        errors["display_name"] = translate("Accounts", "The person's name is required.")
    elif len(display) > 60:
        errors["display_name"] = translate("Accounts", "The name is too long.")
    if role not in ROLES:
        errors["role"] = translate("Accounts", "Unknown role: {role}").format(role=role)
    try:
        _check_password(password, name)
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    return name, display


def _snapshot(a: StaffAccount) -> dict:
    # Never the hash: the audit log is readable and exportable.
    return {"username": a.username, "display_name": a.display_name, "role": a.role, "active": a.active}


def needs_first_admin(s: Session) -> bool:
    """True on a new file: nobody can log in until an administrator account exists."""
    return (s.scalar(select(func.count(StaffAccount.id))) or 0) == 0


def create_first_admin(s: Session, username: str, display_name: str, password: str) -> Actor:
    """The first start's administrator; refused once any account exists."""
    if not needs_first_admin(s):
        raise Conflict(translate("Accounts", "This station already has accounts; ask an administrator."))
    name, display = _validate_new(s, username, display_name, "admin", password)
    account = StaffAccount(
        username=name, display_name=display, role="admin", password_hash=HASHER.hash(password),
        last_login_at=utcnow(),
    )
    s.add(account)
    s.flush()
    actor = _actor(account)
    audit.record(s, actor, "create", "account", account.id, after=_snapshot(account))
    return actor


def create_account(
    s: Session,
    actor: Actor,
    username: str,
    display_name: str,
    role: str,
    password: str,
    *,
    must_change_password: bool = True,
) -> int:
    """A new staff account; by default its holder chooses their own password at the first login."""
    require(actor, "accounts")
    name, display = _validate_new(s, username, display_name, role, password)
    account = StaffAccount(
        username=name, display_name=display, role=role, password_hash=HASHER.hash(password),
        must_change_password=must_change_password,
    )
    s.add(account)
    s.flush()
    audit.record(s, actor, "create", "account", account.id, after=_snapshot(account))
    return account.id


def _get(s: Session, account_id: int) -> StaffAccount:
    account = s.get(StaffAccount, account_id)
    if account is None:
        raise NotFound(translate("Accounts", "No staff account with number {id}.").format(id=account_id))
    return account


def _other_active_admins(s: Session, account_id: int) -> int:
    return s.scalar(
        select(func.count(StaffAccount.id)).where(
            StaffAccount.role == "admin", StaffAccount.active.is_(True), StaffAccount.id != account_id
        )
    ) or 0


def set_role(s: Session, actor: Actor, account_id: int, role: str) -> None:
    require(actor, "accounts")
    if role not in ROLES:
        raise ValidationError("role", translate("Accounts", "Unknown role: {role}").format(role=role))
    account = _get(s, account_id)
    if account.role == role:
        return
    if account.role == "admin" and account.active and _other_active_admins(s, account.id) == 0:
        raise Conflict(translate("Accounts", "The station needs at least one administrator."))
    audit.record(s, actor, "role", "account", account.id, {"role": account.role}, {"role": role})
    account.role = role


def set_active(s: Session, actor: Actor, account_id: int, active: bool) -> None:
    """Disable (or enable again) an account; accounts are never deleted, the audit log names them."""
    require(actor, "accounts")
    account = _get(s, account_id)
    if account.active == active:
        return
    if not active:
        if account.id == actor.id:
            raise Conflict(translate("Accounts", "You cannot disable your own account."))
        if account.role == "admin" and _other_active_admins(s, account.id) == 0:
            raise Conflict(translate("Accounts", "The station needs at least one administrator."))
    audit.record(s, actor, "enable" if active else "disable", "account", account.id,
                 {"active": account.active}, {"active": active})
    account.active = active


def rename(s: Session, actor: Actor, account_id: int, display_name: str) -> None:
    require(actor, "accounts")
    account = _get(s, account_id)
    display = " ".join((display_name or "").split())
    if not display or len(display) > 60:
        raise ValidationError("display_name", translate("Accounts", "The person's name is required."))
    if display != account.display_name:
        audit.record(s, actor, "rename", "account", account.id,
                     {"display_name": account.display_name}, {"display_name": display})
        account.display_name = display


def reset_password(s: Session, actor: Actor, account_id: int, new_password: str) -> None:
    """An administrator sets a temporary password; the holder must change it at the next login."""
    require(actor, "accounts")
    account = _get(s, account_id)
    _check_password(new_password, account.username)
    account.password_hash = HASHER.hash(new_password)
    account.must_change_password = True
    account.failed_attempts = 0
    account.locked_until = None
    audit.record(s, actor, "reset_password", "account", account.id)


def unlock(s: Session, actor: Actor, account_id: int) -> None:
    require(actor, "accounts")
    account = _get(s, account_id)
    if account.locked_until is None and not account.failed_attempts:
        return
    audit.record(s, actor, "unlock", "account", account.id,
                 {"locked_until": account.locked_until}, {"locked_until": None})
    account.failed_attempts = 0
    account.locked_until = None


def change_password(s: Session, actor: Actor, old_password: str, new_password: str) -> None:
    """The logged-in person changes their own password, proving they know the current one."""
    if actor.id is None:
        raise Conflict(translate("Accounts", "The command line has no password to change."))
    account = _get(s, actor.id)
    if not _verify(account, old_password):
        raise ValidationError("old_password", translate("Accounts", "The current password is wrong."))
    _check_password(new_password, account.username)
    if new_password == old_password:
        raise ValidationError("password", translate("Accounts", "Choose a password different from the current one."))
    account.password_hash = HASHER.hash(new_password)
    account.must_change_password = False
    audit.record(s, actor, "change_password", "account", account.id)


def _verify(account: StaffAccount, password: str) -> bool:
    try:
        return HASHER.verify(account.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _dummy_verify(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = HASHER.hash("not a password of anyone")
    try:
        HASHER.verify(_DUMMY_HASH, password or "")
    except VerificationError:
        pass


def _attempt(s: Session, account: StaffAccount | None, password: str, now: datetime) -> LoginResult:
    wrong = translate("Accounts", "Wrong user name or password.")
    if account is None:
        _dummy_verify(password)
        return LoginResult(None, wrong)
    if account.locked_until is not None and account.locked_until > now:
        return LoginResult(None, _locked_message(account.locked_until))
    if not _verify(account, password):
        account.failed_attempts += 1
        if account.failed_attempts >= MAX_FAILED_ATTEMPTS:
            account.failed_attempts = 0
            account.locked_until = now + LOCKOUT
            audit.record(s, Actor(None, account.username, ""), "locked", "account", account.id,
                         after={"locked_until": account.locked_until})
            return LoginResult(None, _locked_message(account.locked_until))
        left = MAX_FAILED_ATTEMPTS - account.failed_attempts
        if left <= 2:
            return LoginResult(None, translate(
                "Accounts", "Wrong user name or password. {n} more wrong tries lock the account."
            ).format(n=left))
        return LoginResult(None, wrong)
    if not account.active:
        return LoginResult(None, translate("Accounts", "This account is disabled; ask an administrator."))
    account.failed_attempts = 0
    account.locked_until = None
    account.last_login_at = now
    if HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = HASHER.hash(password)
    actor = _actor(account)
    audit.record(s, actor, "login", "account", account.id)
    return LoginResult(actor, "", account.must_change_password)


def _locked_message(until: datetime) -> str:
    return translate(
        "Accounts",
        "Too many wrong passwords: this account is locked until {time}, or until an administrator unlocks it.",
    ).format(time=until.astimezone().strftime("%H:%M"))


def login(s: Session, username: str, password: str, *, now: datetime | None = None) -> LoginResult:
    """Check a user name and password; counts failures and locks the account after too many.

    Run it in a unit of work (it writes the count, the lock and the audit entry) and commit even
    when the result is a refusal.
    """
    name = normalise_username(username)
    account = s.scalar(select(StaffAccount).where(StaffAccount.username == name)) if name else None
    return _attempt(s, account, password, now or utcnow())


def unlock_session(s: Session, actor: Actor, password: str, *, now: datetime | None = None) -> LoginResult:
    """The idle lock: the same person types their password again (same lock-out rules)."""
    account = s.get(StaffAccount, actor.id) if actor.id is not None else None
    return _attempt(s, account, password, now or utcnow())


def current_actor(s: Session, account_id: int) -> Actor | None:
    """The account as it is now (role changed, disabled?), for a window that stays open long."""
    account = s.get(StaffAccount, account_id)
    if account is None or not account.active:
        return None
    return _actor(account)


def list_accounts(s: Session, actor: Actor, offset: int = 0, limit: int = 200) -> list[AccountRow]:
    require(actor, "accounts")
    stmt = select(StaffAccount).order_by(StaffAccount.active.desc(), StaffAccount.username)
    return [_row(a) for a in s.scalars(stmt.offset(offset).limit(limit))]


def count_accounts(s: Session, actor: Actor) -> int:
    require(actor, "accounts")
    return s.scalar(select(func.count(StaffAccount.id))) or 0


def get_account(s: Session, actor: Actor, account_id: int) -> AccountRow:
    if actor.id != account_id:
        require(actor, "accounts")
    return _row(_get(s, account_id))
