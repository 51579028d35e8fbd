"""Wlz-zorgkantoorregio's en een BENADERENDE postcodetabel, als platte referentiedata.

Pure Python, geen Django-imports.

``ZORGKANTOORREGIOS``: de 32 zorgkantoorregio's als ``(code, naam)``.

    De codes ``R01`` .. ``R32`` zijn een EIGEN codering van dit project, geen officiële
    Vektis/iWlz-code. Officiële 4-tekencodes heb ik niet kunnen vinden en verifiëren:
    CBS gebruikt in "Gebieden in Nederland" codes met voorvoegsel ``ZK`` (de precieze waarden
    heb ik niet gezien), en in iWlz-berichten wordt een zorgkantoor aangeduid met zijn
    UZOVI-nummer, niet met een regiocode. De volgorde/nummering volgt wel een officiële bron:
    bijlage 1 van het Besluit van de Staatssecretaris van VWS van 22 augustus 2012 houdende de
    aanwijzing van administratie-instellingen bijzondere ziektekosten (BWBR0031940), waarin de
    regio's 1 (Groningen) t/m 32 (Midden IJssel) genummerd zijn. ``R01`` = regio 1, enz.

    Namen: zoals in de opdracht/het gangbare gebruik. Varianten in officiële teksten:
    "Apeldoorn, Zutphen e.o." (in art. 8.2 Rlz 2015 ook "Stedendriehoek"), "Noordoost Brabant",
    "Zuidoost Brabant", "Zuid-Hollandse eilanden", "Midden IJssel", en in art. 8.2 Rlz 2015
    "Noord-Limburg" voor Noord- en Midden-Limburg.

``POSTCODEGEBIEDEN``: ``(postcode_van, postcode_tot, regio_code)``, grenzen inclusief, samen
precies 1000-9999 zonder overlap.

    DIT IS EEN BENADERING VOOR DEMO-DOELEINDEN en moet worden vervangen door de officiële
    regiotabel (postcode/gemeente -> zorgkantoorregio, bv. via CBS "Gebieden in Nederland"
    + BAG/PC4-gemeentekoppeling, of de tabel van Zorgverzekeraars Nederland/Vektis).
    Zorgkantoorregio's zijn gedefinieerd per GEMEENTE (bijlage B Rlz; bijlage 2 BWBR0031940),
    niet per postcode, en PC4-gebieden volgen gemeentegrenzen niet exact. De ranges hieronder
    zijn door mij met de hand afgeleid uit die gemeentelijsten en mijn kennis van de
    Nederlandse postcodegeografie; ze zijn niet tegen een PC4-bestand gecontroleerd.
    Bekende onnauwkeurigheden (niet uitputtend):
        * kleine kernen aan regiogrenzen, o.a. Lent 6663 en Dodewaard 6669 (Nijmegen, hier
          Arnhem), Asperen 4147 en Vuren 4214 (Nijmegen, hier Waardenland), Alphen NB 5131
          (West-Brabant, hier Midden-Brabant), Haaren/Biezenmortel 507x (Noordoost-Brabant,
          hier Midden-Brabant), Lisserbroek 2165 (Amstelland, hier Zuid-Holland Noord),
          Bergentheim 7691 (Zwolle, hier Twente), Garderen 3886 (Arnhem, hier Zwolle),
          Sint-Philipsland 4675 (Zeeland, hier West-Brabant);
        * nummerblokken die (vrijwel) niet in gebruik zijn, zijn aan een buurregio toegekend
          om de dekking sluitend te maken;
        * gemeentelijke herindelingen na 2015 (bv. Weesp -> Amsterdam in 2022) en eventuele
          latere wijzigingen van de regio-indeling zijn niet verwerkt.

Bronnen
    * BWBR0031940 (2012), bijlage 1 (nummering, verbindingskantoren) en bijlage 2 (gemeenten
      per regio); kopie in GitHub-repository statengeneraal/laws-markdown.
    * Regeling langdurige zorg (BWBR0036014), art. 8.2 en bijlage B "Verdeling van gemeenten
      over zorgkantoorregio's in 2015"; zelfde repository.
"""

ZORGKANTOORREGIOS: list[tuple[str, str]] = [
    ("R01", "Groningen"),
    ("R02", "Friesland"),
    ("R03", "Drenthe"),
    ("R04", "Zwolle"),
    ("R05", "Twente"),
    ("R06", "Apeldoorn/Zutphen e.o."),
    ("R07", "Arnhem"),
    ("R08", "Nijmegen"),
    ("R09", "Utrecht"),
    ("R10", "Flevoland"),
    ("R11", "'t Gooi"),
    ("R12", "Noord-Holland Noord"),
    ("R13", "Kennemerland"),
    ("R14", "Zaanstreek/Waterland"),
    ("R15", "Amsterdam"),
    ("R16", "Amstelland en de Meerlanden"),
    ("R17", "Zuid-Holland Noord"),
    ("R18", "Haaglanden"),
    ("R19", "Delft Westland Oostland"),
    ("R20", "Midden-Holland"),
    ("R21", "Rotterdam"),
    ("R22", "Nieuwe Waterweg Noord"),
    ("R23", "Zuid-Hollandse Eilanden"),
    ("R24", "Waardenland"),
    ("R25", "Zeeland"),
    ("R26", "West-Brabant"),
    ("R27", "Midden-Brabant"),
    ("R28", "Noordoost-Brabant"),
    ("R29", "Zuidoost-Brabant"),
    ("R30", "Noord- en Midden-Limburg"),
    ("R31", "Zuid-Limburg"),
    ("R32", "Midden-IJssel"),
]

# (postcode_van, postcode_tot, regio_code), grenzen inclusief, oplopend en aaneensluitend.
# BENADERING -- zie module-docstring. Commentaar noemt de belangrijkste kernen per blok.
POSTCODEGEBIEDEN: list[tuple[int, int, str]] = [
    # Noord-Holland, Amsterdam en omgeving
    (1000, 1113, "R15"),  # Amsterdam, Diemen
    (1114, 1119, "R16"),  # Duivendrecht (Ouder-Amstel), Schiphol (Haarlemmermeer)
    (1120, 1159, "R14"),  # Landsmeer, Edam-Volendam, Monnickendam, Broek in Waterland
    (1160, 1164, "R16"),  # Zwanenburg (Haarlemmermeer)
    (1165, 1169, "R13"),  # Halfweg (Haarlemmerliede en Spaarnwoude)
    (1170, 1199, "R16"),  # Badhoevedorp, Amstelveen, Ouderkerk aan de Amstel
    (1200, 1389, "R11"),  # Hilversum, Wijdemeren, Laren, Blaricum, Huizen, Almere, Weesp
    (1390, 1396, "R09"),  # Abcoude, Baambrugge (De Ronde Venen), Nigtevecht (Stichtse Vecht)
    (1397, 1419, "R11"),  # Muiden, Muiderberg, Bussum, Naarden
    (1420, 1439, "R16"),  # Uithoorn, Aalsmeer, Kudelstaart
    (1440, 1479, "R14"),  # Purmerend, Ilpendam, Beemster, Zeevang
    (1480, 1489, "R12"),  # De Rijp, Graft (Graft-De Rijp, nu Alkmaar)
    (1490, 1599, "R14"),  # Zaandam, Oostzaan, Wormerveer, Wormer, Krommenie, Assendelft
    (1600, 1899, "R12"),  # West-Friesland, Hoorn, Heerhugowaard, Schagen, Den Helder, Alkmaar
    (1900, 1929, "R13"),  # Castricum, Limmen, Uitgeest, Akersloot
    (1930, 1939, "R12"),  # Egmond (Bergen NH)
    (1940, 2129, "R13"),  # Beverwijk, Heemskerk, Velsen, Haarlem, Zandvoort, Heemstede
    (2130, 2159, "R16"),  # Hoofddorp, Nieuw-Vennep (Haarlemmermeer)
    # Zuid-Holland
    (2160, 2239, "R17"),  # Lisse, Sassenheim, Hillegom, Noordwijk, Katwijk, Rijnsburg
    (2240, 2249, "R18"),  # Wassenaar
    (2250, 2259, "R17"),  # Voorschoten
    (2260, 2289, "R18"),  # Leidschendam-Voorburg, Rijswijk
    (2290, 2299, "R19"),  # Wateringen, Kwintsheul (Westland)
    (2300, 2409, "R17"),  # Leiden, Oegstgeest, Leiderdorp, Kaag en Braassem, Alphen a/d Rijn
    (2410, 2419, "R20"),  # Bodegraven
    (2420, 2489, "R17"),  # Nieuwkoop, Ter Aar, Leimuiden, Zwammerdam, Woubrugge
    (2490, 2599, "R18"),  # 's-Gravenhage
    (2600, 2699, "R19"),  # Delft, Pijnacker-Nootdorp, Lansingerland, Westland
    (2700, 2729, "R18"),  # Zoetermeer
    (2730, 2739, "R17"),  # Benthuizen (Alphen a/d Rijn)
    (2740, 2769, "R20"),  # Waddinxveen, Moerkapelle, Zevenhuizen (Zuidplas)
    (2770, 2779, "R17"),  # Boskoop (Alphen a/d Rijn)
    (2780, 2899, "R20"),  # Gouda, Reeuwijk, Krimpenerwaard, Moordrecht
    (2900, 2909, "R21"),  # Capelle aan den IJssel
    (2910, 2919, "R20"),  # Nieuwerkerk aan den IJssel (Zuidplas)
    (2920, 2929, "R21"),  # Krimpen aan den IJssel
    (2930, 2949, "R20"),  # Ouderkerk a/d IJssel, Krimpen a/d Lek, Lekkerkerk
    (2950, 2979, "R24"),  # Alblasserdam, Molenwaard
    (2980, 2994, "R23"),  # Ridderkerk, Barendrecht
    (2995, 2999, "R24"),  # Heerjansdam (Zwijndrecht)
    (3000, 3099, "R21"),  # Rotterdam
    (3100, 3149, "R22"),  # Schiedam, Vlaardingen, Maassluis
    (3150, 3154, "R21"),  # Hoek van Holland
    (3155, 3159, "R19"),  # Maasland (Midden-Delfland)
    (3160, 3179, "R23"),  # Rhoon, Poortugaal (Albrandswaard)
    (3180, 3199, "R21"),  # Rozenburg, Hoogvliet, Pernis
    (3200, 3299, "R23"),  # Voorne-Putten, Goeree-Overflakkee, Hoeksche Waard
    (3300, 3399, "R24"),  # Dordrecht, Zwijndrecht, Papendrecht, Sliedrecht, Hardinxveld
    # Utrecht en Gelderse Vallei
    (3400, 3754, "R09"),  # IJsselstein .. Utrecht, Stichtse Vecht, Zeist, Baarn, Bunschoten
    (3755, 3759, "R11"),  # Eemnes
    (3760, 3769, "R09"),  # Soest
    (3770, 3799, "R07"),  # Barneveld, Voorthuizen
    (3800, 3839, "R09"),  # Amersfoort, Leusden
    (3840, 3859, "R04"),  # Harderwijk, Ermelo
    (3860, 3879, "R09"),  # Nijkerk, Hoevelaken
    (3880, 3889, "R04"),  # Putten
    (3890, 3899, "R10"),  # Zeewolde
    (3900, 3924, "R09"),  # Veenendaal, Rhenen
    (3925, 3926, "R07"),  # Scherpenzeel
    (3927, 3999, "R09"),  # Renswoude, Woudenberg, Heuvelrug, Wijk bij Duurstede, Houten
    # Rivierenland, Zeeland, Brabant
    (4000, 4119, "R08"),  # Tiel, Buren, Neder-Betuwe, Neerijnen, Culemborg
    (4120, 4139, "R09"),  # Vianen, Lexmond, Hagestein
    (4140, 4149, "R24"),  # Leerdam, Schoonrewoerd
    (4150, 4199, "R08"),  # Beesd, Heukelum, Herwijnen (Lingewaal), Geldermalsen
    (4200, 4249, "R24"),  # Gorinchem, Giessenlanden, Zederik
    (4250, 4299, "R26"),  # Werkendam, Woudrichem, Aalburg
    (4300, 4599, "R25"),  # Schouwen, Walcheren, Beveland, Zeeuws-Vlaanderen
    (4600, 4689, "R26"),  # Bergen op Zoom, Woensdrecht, Steenbergen
    (4690, 4699, "R25"),  # Tholen, Sint-Annaland, Poortvliet
    (4700, 4999, "R26"),  # Roosendaal, Etten-Leur, Moerdijk, Breda, Zundert, Oosterhout
    (5000, 5109, "R27"),  # Tilburg, Goirle, Oisterwijk, Hilvarenbeek, Dongen
    (5110, 5119, "R26"),  # Baarle-Nassau
    (5120, 5199, "R27"),  # Gilze en Rijen, Waalwijk, Drunen, Kaatsheuvel
    (5200, 5249, "R28"),  # 's-Hertogenbosch, Rosmalen
    (5250, 5257, "R27"),  # Vlijmen, Nieuwkuijk, Haarsteeg, Heusden
    (5258, 5419, "R28"),  # Vught, Sint-Michielsgestel, Boxtel, Zaltbommel, Oss, Uden, Grave
    (5420, 5426, "R29"),  # Gemert, Handel, De Mortel (Gemert-Bakel)
    (5427, 5499, "R28"),  # Boekel, Cuijk, Mill, Veghel, Schijndel, Sint-Oedenrode
    (5500, 5765, "R29"),  # Veldhoven, Kempen, Eindhoven, Helmond, Deurne, Bakel
    # Limburg en Land van Cuijk
    (5766, 5819, "R30"),  # Griendtsveen, Meijel, Venray
    (5820, 5849, "R28"),  # Vierlingsbeek, Overloon, Boxmeer, Sint Anthonis
    (5850, 6019, "R30"),  # Bergen (L), Venlo, Horst, Peel en Maas, Weert
    (6020, 6029, "R29"),  # Budel, Maarheeze (Cranendonck)
    (6030, 6119, "R30"),  # Nederweert, Roermond, Maasgouw, Leudal, Echt-Susteren
    (6120, 6499, "R31"),  # Sittard-Geleen, Maastricht, Heuvelland, Parkstad
    # Gelderland en Overijssel
    (6500, 6659, "R08"),  # Nijmegen, Groesbeek, Heumen, Mook, Gennep, Wijchen, Druten
    (6660, 6959, "R07"),  # Overbetuwe, Lingewaard, Ede, Wageningen, Arnhem, Liemers, Dieren
    (6960, 6979, "R06"),  # Eerbeek, Brummen
    (6980, 7199, "R07"),  # Doesburg, Rheden, Achterhoek (Doetinchem, Winterswijk, Eibergen)
    (7200, 7219, "R06"),  # Zutphen, Eefde, Gorssel, Epse, Almen
    (7220, 7229, "R07"),  # Steenderen, Baak (Bronckhorst)
    (7230, 7249, "R06"),  # Warnsveld, Lochem
    (7250, 7299, "R07"),  # Vorden, Hengelo (Gld), Ruurlo, Borculo
    (7300, 7379, "R06"),  # Apeldoorn, Beekbergen, Loenen
    (7380, 7439, "R32"),  # Voorst (Twello), Deventer, Bathmen
    (7440, 7699, "R05"),  # Nijverdal, Rijssen-Holten, Enschede, Hengelo, Almelo, Tubbergen
    (7700, 7739, "R04"),  # Dedemsvaart, Nieuwleusen, Dalfsen, Ommen
    (7740, 7769, "R03"),  # Coevorden, Dalen, Schoonebeek
    (7770, 7799, "R04"),  # Hardenberg, Slagharen, Gramsbergen
    (7800, 7949, "R03"),  # Emmen, Borger-Odoorn (deels), Hoogeveen, De Wolden, Meppel
    (7950, 7959, "R04"),  # Staphorst, IJhorst, Rouveen
    (7960, 7999, "R03"),  # Ruinerwold, Havelte, Diever, Dwingeloo (Westerveld)
    (8000, 8099, "R04"),  # Zwolle, Hattem, Hasselt, Nunspeet, Elburg, Oldebroek
    (8100, 8149, "R32"),  # Raalte, Olst-Wijhe, Heino
    (8150, 8159, "R04"),  # Lemelerveld (Dalfsen)
    (8160, 8199, "R06"),  # Epe, Vaassen, Heerde, Wapenveld
    (8200, 8259, "R10"),  # Lelystad, Dronten, Swifterbant, Biddinghuizen
    (8260, 8299, "R04"),  # Kampen, IJsselmuiden, Genemuiden
    (8300, 8324, "R10"),  # Emmeloord (Noordoostpolder), Urk
    (8325, 8389, "R04"),  # Vollenhove, Steenwijk, Giethoorn, Oldemarkt (Steenwijkerland)
    # Noorden
    (8390, 9299, "R02"),  # Friesland (incl. Waddeneilanden Vlieland t/m Schiermonnikoog)
    (9300, 9349, "R03"),  # Roden, Peize, Norg, Veenhuizen (Noordenveld)
    (9350, 9369, "R01"),  # Leek, Zevenhuizen, Marum
    (9370, 9499, "R03"),  # Assen, Midden-Drenthe, Aa en Hunze, Tynaarlo
    (9500, 9509, "R01"),  # Stadskanaal
    (9510, 9539, "R03"),  # Gasselternijveen, Nieuw-Buinen, Borger
    (9540, 9759, "R01"),  # Vlagtwedde, Veendam, Oldambt, Hoogezand, Haren
    (9760, 9769, "R03"),  # Eelde, Paterswolde (Tynaarlo)
    (9770, 9999, "R01"),  # Groningen-stad en Noord-/West-Groningen, Delfzijl
]

POSTCODE_MIN = 1000
POSTCODE_MAX = 9999


if __name__ == "__main__":
    regio_codes = [code for code, _naam in ZORGKANTOORREGIOS]
    assert len(ZORGKANTOORREGIOS) == 32, "verwacht 32 zorgkantoorregio's"
    assert len(set(regio_codes)) == 32, "dubbele regiocode"
    assert len({naam for _code, naam in ZORGKANTOORREGIOS}) == 32, "dubbele regionaam"

    gebruikt = set()
    verwacht_van = POSTCODE_MIN
    for van, tot, code in POSTCODEGEBIEDEN:
        assert code in regio_codes, f"onbekende regio {code}"
        assert van <= tot, f"lege range {van}-{tot}"
        assert van == verwacht_van, f"gat of overlap bij {van} (verwacht {verwacht_van})"
        verwacht_van = tot + 1
        gebruikt.add(code)
    assert verwacht_van == POSTCODE_MAX + 1, "dekking loopt niet tot en met 9999"
    assert gebruikt == set(regio_codes), f"regio's zonder postcodes: {set(regio_codes) - gebruikt}"
    print(f"{len(ZORGKANTOORREGIOS)} regio's, {len(POSTCODEGEBIEDEN)} postcoderanges: OK")
