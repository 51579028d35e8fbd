"""Throughput of the decision letter: beschikkingen per second in one process (one worker).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python benchmarks/beschikking_pdf.py [--aantal 50]

Creates a throwaway database (see _wegwerpdb), builds the example decision of
`manage.py beschikking --voorbeeld` in a rolled-back transaction, and measures
1. render only: Django template + WeasyPrint (PDF/UA-1, tagged) + SHA-256;
2. the whole task body `maak_pdf`: render, store in (temporary) private storage, record the
   SHA-256 and plan the 'besluit genomen' mails (sending is a separate task, not included).
Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import tempfile
import time

from _wegwerpdb import piek_geheugen_mb, wegwerpdatabase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=50)
    parser.add_argument("--opwarmen", type=int, default=3)
    args = parser.parse_args()
    os.environ["PRIVATE_STORAGE_ROOT"] = tempfile.mkdtemp(prefix="zp-bench-pdf-")

    with wegwerpdatabase():
        import weasyprint
        from pypdf import PdfReader

        from aanvragen import beschikking
        from aanvragen.models import Beschikking

        with beschikking.voorbeeld_besluit() as besluit:
            for _ in range(args.opwarmen):
                pdf = beschikking.render_pdf(besluit)
            paginas = len(PdfReader(io.BytesIO(pdf)).pages)

            begin = time.perf_counter()
            for _ in range(args.aantal):
                pdf = beschikking.render_pdf(besluit)
                hashlib.sha256(pdf).hexdigest()
            render = time.perf_counter() - begin

            rijen = [
                Beschikking.objects.create(besluit=besluit, versie=i + 1)
                for i in range(args.aantal)
            ]
            begin = time.perf_counter()
            for rij in rijen:
                assert beschikking.maak_pdf(rij.pk) == "klaar"
            taak = time.perf_counter() - begin

        print(
            f"python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
            f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}"
        )
        print(f"brief: {paginas} pagina's, {len(pdf):,} bytes")
        for label, duur in (("alleen renderen", render), ("hele taak      ", taak)):
            print(
                f"{label}: {args.aantal} in {duur:.2f} s = {args.aantal / duur:.2f} "
                f"beschikkingen/s ({1000 * duur / args.aantal:.0f} ms per stuk)"
            )
        print(f"piekgeheugen proces: {piek_geheugen_mb():.0f} MB")


if __name__ == "__main__":
    main()
