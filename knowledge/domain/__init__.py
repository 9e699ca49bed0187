"""Domain facts shared by the bot, the API and the tests.

This package is the one place for the routing table (who handles what), the
deadline rules (Awb + Algemene termijnenwet) and Dutch date handling. It only
depends on python-dateutil, babel and pyyaml so it runs in both the Rasa
(Python 3.10) and the API (Python 3.11) environments.
"""
