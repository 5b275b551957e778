"""WSGI entry point for gunicorn: ``gunicorn -c archive/gunicorn.conf.py archive.wsgi``.

Django's application behind admission control (archive/overload/admission.py), so that a
request refused for excess load costs no middleware, URL resolution or template.
"""

import os

from django.core.wsgi import get_wsgi_application

from archive.overload import admission_control

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = admission_control(get_wsgi_application())
