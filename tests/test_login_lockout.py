"""Admin logins: wrong passwords lock the user name and the address (django-axes), the
lockout says what to do, and an administrator can unlock from the command line."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

LOGIN = reverse("admin:login")
PASSWORD = "a-long-test-password-for-staff"


@pytest.fixture
def archivist(db):
    return get_user_model().objects.create_superuser("archivist", "a@example.org", PASSWORD)


@pytest.fixture
def colleague(db):
    return get_user_model().objects.create_superuser("colleague", "c@example.org", PASSWORD)


def log_in(client, username, password, address="192.0.2.10", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, username="archivist", address="192.0.2.10", **headers):
    for _ in range(times):
        response = log_in(client, username, "wrong", address, **headers)
        assert response.status_code in (200, 429)


def is_locked(response):
    return response.status_code == 429 and "Login temporarily locked" in response.content.decode()


def test_a_few_wrong_passwords_are_only_form_errors(client, archivist, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    response = log_in(client, "archivist", PASSWORD)
    assert response.status_code == 302


def test_the_limit_locks_the_user_name_even_with_the_right_password(client, archivist, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)
    response = log_in(client, "archivist", PASSWORD)
    assert is_locked(response)
    assert "axes_reset_username" in response.content.decode()
    # The same name from another address is locked too (guessing from many addresses).
    assert is_locked(log_in(client, "archivist", PASSWORD, address="198.51.100.7"))


def test_the_limit_locks_the_address_for_every_user_name(client, archivist, colleague, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess-{n}", "wrong")  # many names from one address
    assert is_locked(log_in(client, "colleague", PASSWORD))
    assert log_in(client, "colleague", PASSWORD, address="198.51.100.7").status_code == 302


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("axes_reset_username", ["archivist"]),
        ("axes_reset_ip", ["192.0.2.10"]),
        ("axes_reset", []),
    ],
)
def test_an_administrator_unlocks_from_the_command_line(client, archivist, settings, command, args):
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert is_locked(log_in(client, "archivist", PASSWORD))
    call_command(command, *args, verbosity=0)
    if command == "axes_reset_ip":
        # The address is free again; the user name stays locked until it is reset too.
        call_command("axes_reset_username", "archivist", verbosity=0)
    assert log_in(client, "archivist", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_change_the_address(client, archivist, settings):
    settings.AXES_LOCKOUT_PARAMETERS = ["ip_address"]
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "archivist", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert is_locked(log_in(client, "archivist", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99"))


def test_behind_a_proxy_the_address_it_appended_is_the_clients(client, archivist, settings):
    settings.AXES_LOCKOUT_PARAMETERS = ["ip_address"]
    settings.PROXY_COUNT = 1
    proxy = "127.0.0.1"
    # The client forges the left entries; the proxy appends the real address on the right.
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(client, 1, address=proxy, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 198.51.100.20")
    locked = log_in(client, "archivist", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert is_locked(locked)
    other = log_in(client, "archivist", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="198.51.100.21")
    assert other.status_code == 302


def test_a_login_without_a_request_is_left_to_the_model_backend(client, archivist, settings):
    # The test client's login() (and a shell) pass no request; axes would refuse them.
    assert client.login(username="archivist", password=PASSWORD)
    client.logout()
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert is_locked(log_in(client, "archivist", PASSWORD))
