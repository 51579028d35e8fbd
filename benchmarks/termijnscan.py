"""The daily deadline scans over many grants: seconds, queries and memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python benchmarks/termijnscan.py [--aantal 1000000] [--open 100000] [--inhaal]

In a throwaway database (see _wegwerpdb) it inserts with generate_series:
- N clients, each with one granted meerzorg (end dates spread evenly from a year ago to three
  years ahead, 100 providers, the 32 zorgkantoren);
- --open M submitted applications still undecided (decision terms spread over ± 8 weeks).

Then it measures `aanvragen.jobs`:
1. bewaak_heraanvragen, steady state: every moment that fell before today is recorded (as it
   would be after earlier daily runs), so the run does one day of work over all N grants;
2. the same job again on the same day (a double beat delivery): no work, only the scan;
3. bewaak_beslistermijnen over the open applications (one digest per zorgkantoor);
4. with --inhaal: bewaak_heraanvragen from nothing (the very first run, or after a long
   outage): every grant whose moments are past is processed.
Mail sending is a separate Celery task per message and is not part of these figures (the
send queue is replaced by a counter); planning the mails (rendering and storing them) is.
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta

from _wegwerpdb import Tellers, piek_geheugen_mb, wegwerpdatabase


def vul(aantal: int, open_: int, vandaag: date) -> None:
    from django.db import connection

    from indicaties.models import Gebruiker, Rol, Zorgaanbieder, Zorgkantoor

    Zorgkantoor.objects.update(email="wlz@zorgkantoor.test", adres="Postbus 1, 1000 AA Ergens")
    zk = Zorgkantoor.objects.order_by("pk").first()
    medewerker = Gebruiker.objects.create(
        username="bench", rol=Rol.ZK_MEDEWERKER, zorgkantoor=zk, email="bench@zk.test"
    )
    aanbieders = Zorgaanbieder.objects.bulk_create(
        Zorgaanbieder(agb_code=f"{88000000 + i:08d}", naam=f"Aanbieder {i}", email=f"a{i}@za.test")
        for i in range(100)
    )
    zk_ids = list(Zorgkantoor.objects.order_by("pk").values_list("pk", flat=True))
    za_ids = [a.pk for a in aanbieders]
    totaal = aantal + open_
    with connection.cursor() as cur:
        cur.execute(
            """
            INSERT INTO indicaties_client (bsn, voornamen, voorvoegsel, geslachtsnaam,
                geboortedatum, postcode, huisnummer, woonplaats, email, zzp_31_12_2014,
                aangemaakt_op, gewijzigd_op, zorgkantoor_id)
            SELECT lpad(g::text, 9, '0'), 'Test', '', 'Client ' || g, date '1980-01-01',
                   '3511 AB', (g %% 200 + 1)::text, 'Utrecht', '', '', now(), now(),
                   (%(zk)s::bigint[])[1 + g %% %(nzk)s]
            FROM generate_series(1, %(n)s) AS g
            """,
            {"zk": zk_ids, "nzk": len(zk_ids), "n": totaal},
        )
        cur.execute(
            """
            INSERT INTO aanvragen_aanvraag (referentie, regeling, soort, status, inhoud, versie,
                aangemaakt_op, gewijzigd_op, ingediend_op, beslistermijn, opgeschort_sinds,
                opgeschorte_dagen, idempotency_key, aangemaakt_door_id, beoordelaar_id,
                client_id, vorige_aanvraag_id, zorgaanbieder_id, zorgkantoor_id)
            SELECT 'B-' || c.id, 'meerzorg', 'eerste',
                   CASE WHEN r <= %(n)s THEN 'toegekend' ELSE 'in_behandeling' END,
                   '{}'::jsonb, 1, now(), now(), now(),
                   %(vandaag)s::date + ((c.id %% 113) - 56)::int, NULL, 0, '', %(mw)s, NULL,
                   c.id, NULL, (%(za)s::bigint[])[1 + c.id %% %(nza)s], c.zorgkantoor_id
            FROM (SELECT id, zorgkantoor_id, row_number() OVER (ORDER BY id) AS r
                  FROM indicaties_client) AS c
            """,
            {"n": aantal, "vandaag": vandaag, "mw": medewerker.pk, "za": za_ids, "nza": 100},
        )
        cur.execute(
            """
            INSERT INTO aanvragen_besluit (uitkomst, ingangsdatum, einddatum, bedrag_per_jaar,
                uren_per_week, motivering, regeltoets, tweede_lezer_vereist, voorgesteld_op,
                vastgesteld_op, heraanvraag_te_laat, aanvraag_id, tweede_lezer_id,
                voorgesteld_door_id)
            SELECT 'toegekend', e - 364, e, 50000, 7, 'Voldoet.', '{}'::jsonb, false, now(),
                   now(), false, a.id, NULL, %(mw)s
            FROM (SELECT id, %(vandaag)s::date - 365 + (id %% 1461)::int AS e
                  FROM aanvragen_aanvraag WHERE status = 'toegekend') AS a
            """,
            {"vandaag": vandaag, "mw": medewerker.pk},
        )
        cur.execute("ANALYZE")


def registreer_eerdere_runs(vandaag: date, maanden: list[int]) -> int:
    """Record every moment that fell before today, as the daily runs before today would have.

    PostgreSQL's `date - interval 'n months'` clamps to the month end like termijnen.maanden_terug.
    """
    from django.db import connection

    momenten = [(f"{m}_maanden", f"e - interval '{m} months'") for m in maanden]
    momenten += [("te_laat", "e - interval '3 months' + interval '1 day'")]
    momenten += [("einde", "e + interval '1 day'")]
    totaal = 0
    with connection.cursor() as cur:
        for code, expr in momenten:
            cur.execute(
                f"""
                INSERT INTO aanvragen_herinnering (besluit_id, moment, peildatum, verwerkt_op,
                    overgeslagen, aantal_berichten)
                SELECT id, %(code)s, ({expr})::date, now(), false, 1
                FROM (SELECT id, einddatum AS e FROM aanvragen_besluit) AS b
                WHERE ({expr})::date < %(vandaag)s
                """,  # noqa: S608 - fixed expressions above, values as parameters
                {"code": code, "vandaag": vandaag},
            )
            totaal += cur.rowcount
        cur.execute("ANALYZE aanvragen_herinnering")
    return totaal


def meet(naam: str, functie) -> dict:
    from django.db import connection

    teller = Tellers()
    begin = time.perf_counter()
    with connection.execute_wrapper(teller):
        uitkomst = functie()
    duur = time.perf_counter() - begin
    print(
        f"{naam:<46} {duur:8.2f} s {teller.aantal:9,} queries   "
        f"piek {piek_geheugen_mb():5.0f} MB   {uitkomst}"
    )
    return uitkomst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=1_000_000, help="toekenningen")
    parser.add_argument("--open", type=int, default=100_000, help="open aanvragen")
    parser.add_argument("--inhaal", action="store_true", help="meet ook de allereerste run")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--behouden", action="store_true", help="database niet opruimen")
    args = parser.parse_args()
    vandaag = date(2026, 11, 23)

    with wegwerpdatabase(behouden=args.behouden):
        from aanvragen import jobs, notificaties
        from aanvragen.models import Herinnering, VerzondenMail

        verstuurd = [0]

        def in_wachtrij(pk: int) -> None:
            verstuurd[0] += 1

        notificaties.zet_mail_in_wachtrij = in_wachtrij  # sending is a separate task

        begin = time.perf_counter()
        vul(args.aantal, args.open, vandaag)
        print(
            f"# {args.aantal:,} toekenningen + {args.open:,} open aanvragen aangemaakt in "
            f"{time.perf_counter() - begin:.1f} s"
        )
        begin = time.perf_counter()
        eerder = registreer_eerdere_runs(vandaag - timedelta(days=0), jobs.herinneringsmaanden())
        print(f"# {eerder:,} eerdere momenten vastgelegd in {time.perf_counter() - begin:.1f} s")

        meet(
            "1 heraanvragen, dagelijkse run",
            lambda: jobs.bewaak_heraanvragen(vandaag=vandaag, batch=args.batch),
        )
        meet(
            "2 heraanvragen, zelfde dag nog eens",
            lambda: jobs.bewaak_heraanvragen(vandaag=vandaag, batch=args.batch),
        )
        meet(
            "3 beslistermijnen (overzicht per zorgkantoor)",
            lambda: jobs.bewaak_beslistermijnen(vandaag=vandaag, batch=args.batch),
        )
        print(f"# mails gepland: {VerzondenMail.objects.count():,} ({verstuurd[0]:,} in wachtrij)")
        if args.inhaal:
            Herinnering.objects.all().delete()
            VerzondenMail.objects.all().delete()
            meet(
                "4 heraanvragen, allereerste run (inhalen)",
                lambda: jobs.bewaak_heraanvragen(vandaag=vandaag, batch=args.batch),
            )
            meet(
                "5 heraanvragen, daarna nog eens",
                lambda: jobs.bewaak_heraanvragen(vandaag=vandaag, batch=args.batch),
            )


if __name__ == "__main__":
    main()
