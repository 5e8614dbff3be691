"""Hand-made entity annotations, part_f (split ``ner``): documents 171-290 of the selection.

Entities only, annotated by reading (helpers who never saw the analyzer's output nor its code, with the
conventions of part_c_spec.py and part_e_spec.py): candidate training text of the German tagger (see
``storylink.nlp.train_ner``). ``make_part.py f`` writes ``ner/part_f.jsonl`` from it.
"""

SPEC: list = []

SPEC.append(("semeval-train:1634832399_1547767774:2", dict(
    ents={"ORG": ["POL-GÖ", "Polizeiinspektion Göttingen", "OTS", "news aktuell"],
          "LOC": ["BAB A 7", "Northeim-Nord"]},
    quotes=[])))

SPEC.append(("semeval-train:1535373272_1595886847:1", dict(
    ents={"LOC": ["Athen", "Ankara", "Griechenland", "Türkei", "Evros", "Ägäis", "Lesbos", "Chios", "Samos",
                  "Kastanies", "Pazarkule"],
          "PER": ["Nikos Panagiotopoulos", "Panagiotopoulos"],
          "ORG": ["ana MPA"]},
    quotes=[])))

SPEC.append(("semeval-train:1499773941_1504681096:1", dict(
    ents={"PER": ["Dunja Hayali"]},
    quotes=[])))

SPEC.append(("semeval-train:1499773941_1504681096:2", dict(
    ents={"PER": ["Dunja Hayali", "Hayalis", "Udo Hahn", "Hahn", "Shermin Langhoff"],
          "ORG": ["protestantischen Akademie", "Maxim Gorki Theatre", "RND", "epd"]},
    quotes=[])))

SPEC.append(("semeval-train:1540335557_1486926924:1", dict(
    ents={"ORG": ["Lycee", "ORF"], "LOC": ["Elsass", "Tirol", "Wien"], "PER": ["Andreas Huber"]},
    quotes=[])))

SPEC.append(("semeval-train:1566505934_1566669239:1", dict(
    ents={"PER": ["Michaela Kaniber", "Kaniber"], "ORG": ["BR24"], "MISC": ["Bayern-2-Radio-Welt"],
          "LOC": ["Bayern", "Italien", "Europa"]},
    quotes=[])))

SPEC.append(("semeval-train:1566505934_1566669239:2", dict(
    ents={"ORG": ["BR24", "Bundesministerium des Innenministeriums", "Bundesministeriums für Wirtschaft"],
          "LOC": ["Osteuropa", "Europa"], "PER": ["Klöckner", "Kaniber"]},
    quotes=[])))

SPEC.append(("semeval-train:1609068534_1647990025:1", dict(
    ents={"LOC": ["Kleines Wiesental", "Bürchau"],
          "PER": ["Waltraut Zeh", "Adelheid Mogel", "Zeh-Mogel"],
          "ORG": ["Südwestrundfunk", "Badischen Bauernzeitung", "Badischen Bauern- zeitung"],
          "MISC": ["Tag der offenen Gartentür", "Ein Garten für viele Generationen"]},
    quotes=[])))

SPEC.append(("semeval-train:1609068534_1647990025:2", dict(
    ents={"LOC": ["Beilngries", "Dollnstein"], "ORG": ["Dekanats EichstÃ¤tt"],
          "PER": ["Josef Funk", "Funk", "Hieke"]},
    quotes=[])))

SPEC.append(("semeval-train:1484194823_1484319843:1", dict(
    ents={"LOC": ["Österreich", "Deutschland", "Europa"], "ORG": ["Grünen", "Wolfsburger Nachrichten"]},
    quotes=[])))

SPEC.append(("semeval-train:1484194823_1484319843:2", dict(
    ents={"PER": ["Kurz", "Kogler"], "LOC": ["Österreich"]},
    quotes=[])))

SPEC.append(("semeval-train:1536973352_1539246036:1", dict(
    ents={"ORG": ["Kinderkrebshilfe"], "LOC": ["Oberpfalz Nord"],
          "PER": ["Herbert Putzer", "Putzer", "Johann Dittmann", "Dittmann"]},
    quotes=[])))

SPEC.append(("semeval-train:1536973352_1539246036:2", dict(
    ents={"LOC": ["Oberpfalz"], "PER": ["Herbert Putzer", "Putzer", "Andreas Meier", "Gips"]},
    quotes=[])))

SPEC.append(("semeval-train:1548687174_1544990244:1", dict(
    ents={"LOC": ["Berlin", "Tresor", "Brandenburg"], "ORG": ["Berliner Morgenpost"]},
    quotes=[])))

SPEC.append(("semeval-train:1548687174_1544990244:2", dict(
    ents={"LOC": ["Berlin"], "MISC": ["Karneval der Kulturen", "Myfest"], "PER": ["Angela Merkel", "Merkel"],
          "ORG": ["CDU", "DFL"]},
    quotes=[])))

# 186
SPEC.append(("semeval-train:1596916246_1636191913:1", dict(
    ents={"LOC": ["Rheinland-Pfalz", "Koblenz", "Koblenz Metternich"],
          "ORG": ["Oberdorf Grundschule"],
          "PER": ["Brita Biskupek", "Hubig", "Katrin Steinert"]},
    quotes=[])))

# 187
SPEC.append(("semeval-train:1596916246_1636191913:2", dict(
    ents={"LOC": ["Rheinland-Pfalz", "Koblenz"],
          "ORG": ["Oberanverwaltungsgericht", "OVG", "Verwaltungsgericht Trier", "dpa"]},
    quotes=[])))

# 188
SPEC.append(("semeval-train:1577794877_1489576307:1", dict(
    ents={"ORG": ["mt-news.de", "Münsterländische Tageszeitung"],
          "PER": ["Bernd Massmann", "Gabriele Blanke"]},
    quotes=[])))

# 189
SPEC.append(("semeval-train:1583572433_1485394006:1", dict(
    ents={"PER": ["Sebastian kurz", "kurz", "Werner Kogler", "Kogler"],
          "ORG": ["ÖVP", "grün", "APA"],
          "LOC": ["Österreich"]},
    quotes=[])))

# 190
SPEC.append(("semeval-train:1508942427_1509014955:1", dict(
    ents={"LOC": ["China", "Chinas", "Berlin", "Provinz Hubei"],
          "ORG": ["DPA", "TMN", "Kanzlei Karimi", "Auswärtige Amt"],
          "PER": ["Sabine Fischer-Volk", "Fischer-Volk"]},
    quotes=[])))

# 191
SPEC.append(("semeval-train:1508942427_1509014955:2", dict(
    ents={"LOC": ["Berlin", "China", "Deutschland"],
          "ORG": ["Lufthansa", "Kanzlei Karimi", "dpa"],
          "PER": ["Sabine Fischer-Volk"]},
    quotes=[])))

# 192
SPEC.append(("semeval-train:1539260932_1539846174:1", dict(
    ents={"MISC": ["Ganymed in Power"],
          "ORG": ["Kunsthistorischen Museum Wien", "KHM", "AP"],
          "PER": ["Jacqueline Kornmüller", "Maria Theresia"]},
    quotes=[])))

# 193
SPEC.append(("semeval-train:1539260932_1539846174:2", dict(
    ents={"MISC": ["Ganymed", "Hl. Georg im Drachenkampf"],
          "PER": ["Franz Schuh", "Benny Omerzell", "Jacqueline Kornmüller", "Rubens", "Tizian", "Rembrandt",
                  "Giorgione", "Leonhard Becks"],
          "ORG": ["KHM", "Die Presse"]},
    quotes=[])))

# 194
SPEC.append(("semeval-train:1484762663_1484013882:1", dict(
    ents={"MISC": ["Knives Out – Mord ist Familiensache"],
          "PER": ["Daniel Craig", "Benoît Blanc", "Harlan Thrombey"],
          "ORG": ["Universum"]},
    quotes=[])))

# 195
SPEC.append(("semeval-train:1484762663_1484013882:2", dict(
    ents={"MISC": ["Knives Out", "Knives Out – Mord ist Familiensache", "Star Wars – Episode VIII"],
          "PER": ["Daniel Craig", "Harlan Thrombey", "Christopher Plummer", "Rian Johnson", "Agatha Christie",
                  "Chris Evans", "Ana de Armas", "Jamie Lee Curti"],
          "LOC": ["USA"]},
    quotes=[])))

# 196
SPEC.append(("semeval-train:1554481490_1555412700:1", dict(
    ents={"LOC": ["Lauda-Königshofen"],
          "ORG": ["freien Bürgerliste", "Instagram", "Facebook", "Fränkische Nachrichten"],
          "PER": ["Luke Braun", "Brown", "Braun", "Lukas Braun"]},
    quotes=[])))

# 197
SPEC.append(("semeval-train:1567520073_1515319157:1", dict(
    ents={"ORG": ["POL-OS", "Polizeiinspektion Osnabrück", "ots", "Osnabrücker Polizei", "news aktuell"],
          "LOC": ["Osnabrück", "St. Joseph Kirche", "Miquelstraße"]},
    quotes=[])))

# 198
SPEC.append(("semeval-train:1483972605_1483852995:1", dict(
    ents={"LOC": ["Lichtenberg", "Altifytenberg"],
          "ORG": ["Kronen-Zeitung", "Landespolizesidirektion"],
          "PER": ["Philip Christl", "Christl"]},
    quotes=[])))

# 199
SPEC.append(("semeval-train:1483972605_1483852995:2", dict(
    ents={"LOC": ["Steiermark", "Murfeld", "St. Veit in der Südsteiermark", "Straß", "Bezirk Leibnitz"],
          "PER": ["Franz voves"]},
    quotes=[])))

# 200
SPEC.append(("semeval-train:1484228737_1484086752:1", dict(
    ents={"LOC": ["Toskana", "Sizilien", "Sardinien", "Italien", "Gangi", "Palermo"],
          "PER": ["Miriam Keilbach", "Robert Harding"],
          "ORG": ["imago images"]},
    quotes=[])))

# 201
SPEC.append(("semeval-train:1484228737_1484086752:2", dict(
    ents={"LOC": ["Wyoming", "USA", "Cheyenne"], "ORG": ["tz.de"]},
    quotes=[])))

# 202
SPEC.append(("semeval-train:1558471108_1549565669:1", dict(
    ents={"PER": ["Olaf Kröck"], "LOC": ["Recklinghausen", "Hamburg"], "ORG": ["epd"],
          "MISC": ["Ruhrfestspiele"]},
    quotes=[])))

# 203
SPEC.append(("semeval-train:1558471108_1549565669:2", dict(
    ents={"PER": ["Roland Heintze"], "ORG": ["CDU", "Hamburger Handelskammer", "Handelskammer Hamburg"]},
    quotes=[])))

# 204
SPEC.append(("semeval-train:1484147770_1483949469:1", dict(
    ents={"PER": ["Simonetta Sommaruga", "Sommaruga"], "ORG": ["Radio SRF", "sda"]},
    quotes=[])))

# 205
SPEC.append(("semeval-train:1484147770_1483949469:2", dict(
    ents={"PER": ["Emmanuel Macron", "Macron", "Makron"], "LOC": ["Frankreichs"], "ORG": ["DPA", "dpa"]},
    quotes=[])))

# 206
SPEC.append(("semeval-train:1537006701_1533725092:1", dict(
    ents={"PER": ["Ronan Keating", "Keating", "Keatings"], "LOC": ["Singapur"], "ORG": ["Instagram"],
          "MISC": ["When You Say Nothing At All"]},
    quotes=[])))

# 207
SPEC.append(("semeval-train:1537006701_1533725092:2", dict(
    ents={"MISC": ["ITB Berlin", "ITB"], "ORG": ["Messe Berlin", "RND", "dpa"], "LOC": ["Berlin"]},
    quotes=[])))

# 208
SPEC.append(("semeval-train:1484926231_1484246883:1", dict(
    ents={"LOC": ["Libyen", "Türkei", "Tripoli"],
          "PER": ["Haftars", "Khalifa Haftar", "Fayez al-Serraj", "Muammar Gaddafi"],
          "ORG": ["Regierung des nationalen Abkommens", "GNA", "NATO"]},
    quotes=[])))

# 209
SPEC.append(("semeval-train:1484926231_1484246883:2", dict(
    ents={"LOC": ["Libyen", "Ankara", "TURKEY", "Tripoli", "Russia", "Tripolis", "Russland", "Türkei"],
          "PER": ["Recep Tayyip Erdogan", "Erdogan", "Fajis al-Sarrradsch", "Fajis al-Sarradsch", "Chalifa Haftar"],
          "ORG": ["DPA", "AKP", "MHP", "türkische nationale Versammlung", "türkischen Nationalversammlung"]},
    quotes=[])))

# 210
SPEC.append(("semeval-train:1612918885_1585312878:1", dict(
    ents={"LOC": ["Düsseldorf"], "PER": ["Jean-Claude Bourgueil", "Bourgueil"],
          "ORG": ["Guide Michelin", "Michelin", "Im Schiffchen", "Deutschen Presse-Agentur", "Tageskarte",
                  "Facebook", "SPD"]},
    quotes=[])))

# 211
SPEC.append(("semeval-train:1586694908_1538515839:1", dict(
    ents={"LOC": ["Frankfurt", "USA"], "PER": ["Thomas Gitzel"],
          "ORG": ["DPA-AFX", "European Central Bank", "EZB", "VP Bank"]},
    quotes=[])))

# 212
SPEC.append(("semeval-train:1491266427_1487545796:2", dict(
    ents={"LOC": ["Thüringen"],
          "PER": ["Dieter Althaus", "Althaus", "Joachim Gauck", "Bodo Ramelow", "Ramelow"],
          "ORG": ["CDU", "Linken", "Linke", "Thüringer Allgemeinen", "SPD", "Grünen", "Grüne"]},
    quotes=[])))

# 213
SPEC.append(("semeval-train:1532590278_1486926924:1", dict(
    ents={"LOC": ["Österreich", "Wien", "Niederösterreich", "Steiermark", "Kärnten", "Burgenland"],
          "ORG": ["Statistik Austria", "AP"]},
    quotes=[])))

# 214
SPEC.append(("semeval-train:1496361342_1495999758:1", dict(
    ents={"ORG": ["EU", "SVP"], "LOC": ["Schweiz", "Bern", "Brüssel"], "PER": ["Goran Basic"],
          "MISC": ["Begrenzungsinitiative", "Brexit"]},
    quotes=[])))

# 215
SPEC.append(("semeval-train:1496361342_1495999758:2", dict(
    ents={"ORG": ["WEF", "Bundesrat", "EU"], "LOC": ["Europa"], "PER": ["von der Leyen"], "MISC": ["MRA"]},
    quotes=[])))

# 216
SPEC.append(("semeval-train:1496057196_1486394774:1", dict(
    ents={"LOC": ["Iran", "USA", "Teheran", "Washington", "Indien", "Baghdad", "Deutschlands", "Frankreichs",
                  "Großbritanniens"],
          "PER": ["Mohammed Javad Zarif", "Zarif", "Qassem Soleimani", "Rohani"]},
    quotes=[])))

# 217
SPEC.append(("semeval-train:1542357637_1544066529:1", dict(
    ents={"LOC": ["Äthiopien", "Addis Abeba"],
          "ORG": ["Tiroler Tageszeitung Online", "Ethiopian Airlines", "Boeing"],
          "MISC": ["Boeing 737 MAX", "737 MAX"]},
    quotes=[])))

# 218
SPEC.append(("semeval-train:1542357637_1544066529:2", dict(
    ents={"LOC": ["Äthiopien", "Addis Abeba"],
          "ORG": ["Ethiopian Airlines", "Twitter", "Boeing", "afp", "dpa", "ap"],
          "PER": ["Abiy Ahmed"],
          "MISC": ["Boeing 737 MAX"]},
    quotes=[])))

# 219
SPEC.append(("semeval-train:1536185431_1615347966:1", dict(
    ents={"PER": ["Netanjahus", "Benjamin Netanjahu", "Netanjahu", "Benny Gantz", "Gantz"],
          "ORG": ["Likud", "Likud-Partei", "dpa", "Blau-Weiß"],
          "LOC": ["Jerusalem", "Israels"]},
    quotes=[])))

# 220
SPEC.append(("semeval-train:1570873255_1570295824:1", dict(
    ents={"LOC": ["Wall Street"], "ORG": ["EU"], "PER": ["Andrew Cuomo"], "MISC": ["Dow", "S & P 500"]},
    quotes=[])))

# 221
SPEC.append(("semeval-train:1570873255_1570295824:2", dict(
    ents={"LOC": ["New York", "Wall Street"], "ORG": ["dpa-afx", "Europäischen Union"],
          "MISC": ["Dow Jones Industrial", "S & P 500", "NASDAQ 100"]},
    quotes=[])))

# 222
SPEC.append(("semeval-train:1502697321_1526337926:1", dict(
    ents={"PER": ["Justin Bieber"], "ORG": ["Mittelbayerische"], "LOC": ["East Bavaria", "Ostbayern"]},
    quotes=[])))

# 223
SPEC.append(("semeval-train:1512279031_1512952136:1", dict(
    ents={"ORG": ["Karlsruher SC", "Holstein Kiel", "kicker", "1. FC Saarbrücken", "Saarbrücken"],
          "PER": ["Alois Schwartz", "Schwartz", "Christian Eichner", "Oliver Kreuzer"],
          "MISC": ["DFB-Pokal"]},
    quotes=[])))

# 224
SPEC.append(("semeval-train:1512279031_1512952136:2", dict(
    ents={"ORG": ["Karlsruher SC", "Saarbrücken", "Hamburger SV", "kicker"],
          "PER": ["Eichner", "Christian Eichners", "Zlatan Bajramovic", "Benjamin Uphoff"]},
    quotes=[])))

# 225
SPEC.append(("semeval-train:1484456061_1483970080:1", dict(
    ents={"LOC": ["Moritzhof", "Chemnitz", "Bahnhofstraße"], "PER": ["Ralph Burghart"]},
    quotes=[])))

# 226
SPEC.append(("semeval-train:1484456061_1483970080:2", dict(
    ents={"LOC": ["Dippoldiswalde", "Bahnhofstraße"]},
    quotes=[])))

# 227
SPEC.append(("semeval-train:1538463933_1534241803:1", dict(
    ents={"PER": ["Bloomberg", "Michael Bloomberg", "Joe Bidingen", "Donald Trump", "Trumps"],
          "LOC": ["Washington", "New York"],
          "ORG": ["DPA-AFX", "Demokraten"],
          "MISC": ["Super dienstag"]},
    quotes=[])))

# 228
SPEC.append(("semeval-train:1562341325_1582983725:1", dict(
    ents={"ORG": ["Robert-Koch-Institut", "Imperial College London"], "PER": ["Bernd Murawski"],
          "LOC": ["Großbritannien"]},
    quotes=[])))

# 229
SPEC.append(("semeval-train:1494120184_1603050625:1", dict(
    ents={"LOC": ["USA", "China", "Washington", "Peking"], "PER": ["Steve Mnuchin", "Mnuchin"], "ORG": ["sda"]},
    quotes=[])))

# 230
SPEC.append(("semeval-train:1513646230_1513956425:1", dict(
    ents={"ORG": ["Kantonspolizei Aargau", "Staatsanwaltschaft Zofingen-Kulm", "Tele M1"],
          "LOC": ["Oftringen"], "PER": ["Aline Rey", "Rey"]},
    quotes=[])))

# 231
SPEC.append(("semeval-train:1513646230_1513956425:2", dict(
    ents={"LOC": ["Oftringen", "Oftringen AG"],
          "ORG": ["Kapo AG", "Staatsanwaltschaft Zofingen-Kulm", "Kantonspolizei Aargau"]},
    quotes=[])))
# 232
SPEC.append(("semeval-train:1494379442_1493969076:1", dict(
    ents={"LOC": ["Taal", "Philippinen", "Manila", "Pazifischen Feuerring", "Deutschland"],
          "PER": ["Aaron Favila"],
          "ORG": ["AP", "Dpamanila", "Phivolcs", "Vereinten Nationen"]},
    quotes=[])))
# 233
SPEC.append(("semeval-train:1484440673_1484050208:1", dict(
    ents={"PER": ["Uwe Winefeld"], "LOC": ["Hohen Straße", "Langenreinsdorf"]},
    quotes=[])))
# 234
SPEC.append(("semeval-train:1484440673_1484050208:2", dict(
    ents={"PER": ["Lino Mirgeler"], "LOC": ["Immenstadt im Allgäu"], "ORG": ["dpa"]},
    quotes=[])))
# 235
SPEC.append(("semeval-train:1529812684_1529884440:1", dict(
    ents={"MISC": ["MatePad Pro 5G", "MatePad Pro", "Matepad Pro"], "ORG": ["Huawei", "Google"],
          "LOC": ["Europa"]},
    quotes=[])))
# 236
SPEC.append(("semeval-train:1484763681_1485017920:1", dict(
    ents={"LOC": ["Speyer", "Salierbrücke"], "PER": ["Thomas Armbrust", "Uwe Hetzel"],
          "ORG": ["Regierungspräsidium Karlsruhe", "Schwetzinger Zeitung"]},
    quotes=[])))
# 237
SPEC.append(("semeval-train:1484763681_1485017920:2", dict(
    ents={"PER": ["Clara", "Phillip"], "LOC": ["Ketsch", "Central Kino"],
          "MISC": ["Sun Day Movies", "Der Nussknacker und die vier Reiche", "Treffen der Kulturen"],
          "ORG": ["Schwetzinger Zeitung"]},
    quotes=[])))
# 238
SPEC.append(("semeval-train:1587715330_1599194988:1", dict(
    ents={"ORG": ["Norddeutsches Küsten- und Klimabüro", "pixabay.com", "Norddeutschen"],
          "PER": ["manfredrichter", "Insa Meinke"], "LOC": ["Geesthacht", "Norddeutschland"]},
    quotes=[])))
# 239
SPEC.append(("semeval-train:1489720801_1552040886:1", dict(
    ents={"ORG": ["Ländle-TV", "Bregenzerwälder Landjugend", "Landjugend Bregenzerwald",
                  "Landjugend Jungbauernschaft Vorarlberg"],
          "MISC": ["us dr Gondl"],
          "PER": ["Magdalena Metzler", "Michael Meusburger", "Andreas Seeburger"],
          "LOC": ["Muttersberg", "Bludenz-Nüziders", "Vorarlberg"]},
    quotes=[])))
# 240
SPEC.append(("semeval-train:1541941370_1591825952:1", dict(
    ents={"LOC": ["Gelsenkirchen"], "ORG": ["WAZ GELSENKIRCHEN"]},
    quotes=[])))
# 241
SPEC.append(("semeval-train:1536180145_1549832130:1", dict(
    ents={"ORG": ["EU", "EU-Kommission", "apa", "afp"], "PER": ["Thierry Breton", "Breton", "Schramböck"],
          "LOC": ["Brüssel", "Europa", "China"]},
    quotes=[])))
# 242
SPEC.append(("semeval-train:1483994203_1483796773:1", dict(
    ents={"PER": ["Baba Wanga", "Donald Trump", "Wladimir Putin", "Putin", "Viktor Gilotay"],
          "LOC": ["Russland", "Europa", "Bulgarian"], "ORG": ["picture alliance", "dpa"]},
    quotes=[])))
# 243
SPEC.append(("semeval-train:1483994203_1483796773:2", dict(
    ents={"LOC": ["Amazonas"], "ORG": ["AFP", "ALBUM"],
          "PER": ["Carla de Souzaimmanuel", "Kant", "Georg Wilhelm Friedrich Hegel", "Eric Frey"]},
    quotes=[])))
# 244
SPEC.append(("semeval-train:1491492345_1510094016:1", dict(
    ents={"LOC": ["Kiel"]},
    quotes=[])))
# 245
SPEC.append(("semeval-train:1491492345_1510094016:2", dict(
    ents={"LOC": ["Bremen", "Bremen-Oberneuland"]},
    quotes=[])))

# 246
SPEC.append(("semeval-train:1490629042_1490967873:1", dict(
    ents={"PER": ["Viktor Orban", "Viktor Orbans", "Orban", "Annegret Kramp-Karrenbauer", "Tusk", "Sebastian Kurz"],
          "LOC": ["Budapest", "Ungarn"],
          "ORG": ["EVP", "Europäischen Volkspartei", "Fidesz-Partei", "CDU", "CSU"]},
    quotes=[])))
# 247
SPEC.append(("semeval-train:1617840134_1613073176:1", dict(
    ents={"PER": ["Jörg Sauerwein"], "LOC": ["NRW"], "ORG": ["WDR 5"],
          "MISC": ["Morgenecho", "Westblick am Morgen"]},
    quotes=[])))
# 248
SPEC.append(("semeval-train:1575212937_1585354663:1", dict(
    ents={"PER": ["Peter Endig", "Stefan Lauer"], "LOC": ["Deutschland"],
          "ORG": ["DPA Centralbild", "dpa.berlin", "Amadeu-Antonio-Stiftung"]},
    quotes=[])))
# 249
SPEC.append(("semeval-train:1570528491_1585571730:1", dict(
    ents={"PER": ["Cathryn Clüver Ashbrook", "Ashbrook", "Donald T", "Trump's"],
          "LOC": ["Deutschland", "Amerika", "Saudi-Arabien", "USA"],
          "ORG": ["G20", "NATO", "EU", "dts Deutsche Textservice Nachrichtenagentur GmbH"]},
    quotes=[])))
# 250
SPEC.append(("semeval-train:1570528491_1585571730:2", dict(
    ents={"PER": ["Trump"], "LOC": ["Saudi-Arabien"],
          "ORG": ["Uncut-News", "uncut-news", "Telegramm", "Telegram"]},
    skip=[("uncut-news", 2)],
    quotes=[])))
# 251
SPEC.append(("semeval-train:1483975596_1483956690:1", dict(
    ents={"PER": ["Lisa"], "ORG": ["Parship"]},
    quotes=[])))
# 252
SPEC.append(("semeval-train:1483975596_1483956690:2", dict(
    ents={"LOC": ["Krefeld"], "ORG": ["DPA"]},
    quotes=[])))
# 253
SPEC.append(("semeval-train:1646338117_1629802048:1", dict(
    ents={"LOC": ["Warna", "Niederlanden", "Burgas", "Goldstrand", "Albena", "Deutschland", "Tschechischen Republik",
                  "Polen"]},
    quotes=[])))
# 254
SPEC.append(("semeval-train:1646338117_1629802048:2", dict(
    ents={"LOC": ["Deutschland"], "ORG": ["Lufthansa"], "MISC": ["DE30"]},
    quotes=[])))
# 255
SPEC.append(("semeval-train:1549386060_1540491948:1", dict(
    ents={"LOC": ["B275", "Wetterau", "Hirzenhain", "Bundesstraße 275", "Merkenfritz"]},
    quotes=[])))
# 256
SPEC.append(("semeval-train:1564750167_1564478228:1", dict(
    ents={"PER": ["Guterres", "Gutres"], "LOC": ["New York"],
          "ORG": ["Weltgesundheitsorganisation", "Johns Hopkins University", "ARD", "ZDF", "Twitter",
                  "Dlf-Nachrichten"]},
    quotes=[])))
# 257
SPEC.append(("semeval-train:1564750167_1564478228:2", dict(
    ents={"PER": ["Guterres", "António Gutres", "Gentres"], "LOC": ["New York"],
          "ORG": ["Höfner Volksblatt und Marchanzeiger", "WHO", "Weltgesundheitsorganisation"]},
    quotes=[])))
# 258
SPEC.append(("semeval-train:1623195455_1622934394:1", dict(
    ents={"PER": ["Trump", "George Floyd", "Biden"],
          "LOC": ["USA", "Weißen Hauses", "Washington", "New York", "Minneapolis", "Minnesota"]},
    quotes=[])))
# 259
SPEC.append(("semeval-train:1623195455_1622934394:2", dict(
    ents={"PER": ["Donald Trump", "Trump", "Trumps", "George Floyd"],
          "LOC": ["USA", "Weißen Haus", "Vereinigten Staaten", "Rosengarten", "Washington", "New York", "Minneapolis",
                  "Minnesota"],
          "ORG": ["dpa"]},
    quotes=[])))
# 260
SPEC.append(("semeval-train:1587768907_1594565857:1", dict(
    ents={"PER": ["Giesecke", "Johan Giesecke"], "LOC": ["Deutschland", "Schweden"],
          "ORG": ["Who", "Merkur.de", "Ippen-Digital-Redaktionsnetzwerks"]},
    quotes=[])))

# 261
SPEC.append(("semeval-train:1587768907_1594565857:2", dict(
    ents={"LOC": ["Schweden", "Schwedens", "Deutschland"],
          "ORG": ["merkur.de", "Ippen-Digital-Redaktionsnetzwerks", "dpa"],
          "PER": ["Yasin Akgul"], "MISC": ["Corona News"]},
    quotes=[])))

# 262
SPEC.append(("semeval-train:1637523366_1490355631:1", dict(
    ents={"PER": ["Söder", "Markus Söder", "Angela Merkel", "Markus Schreiber"],
          "LOC": ["Bayern", "Bayerns", "Berlin"],
          "ORG": ["CSU", "CDU", "dpa", "AP-Pool"]},
    quotes=[])))

# 263
SPEC.append(("semeval-train:1557727369_1550432724:1", dict(
    ents={"MISC": ["Olympischen Spiele", "Tokyo Games"],
          "LOC": ["Tokio", "Deutschland", "Amerika", "Russland"],
          "ORG": ["internationale Olympische Komitee", "IOC", "Football Bundesliga"],
          "PER": ["Shinzo Abe", "ABE", "Thomas Bach"]},
    quotes=[])))

# 264
SPEC.append(("semeval-train:1577317818_1624745246:1", dict(
    ents={"ORG": ["SDRPY", "Saudi-Entwicklungs- und Rekonstruktionsprogramm für Yemensdrpie",
                  "Saudi-Entwicklungs- und Wiederaufbauprogramm für Jemen", "SDRy", "OTS", "PRNEWSWIRE",
                  "The Saudi Development and Reconstruction Program for Yemen", "news aktuell"],
          "LOC": ["Sokotra", "Sokotrasokotra", "Jemen", "Socotra-Archipels"]},
    skip=[("SDRPY", 2)],
    quotes=[])))

# 265
SPEC.append(("semeval-train:1605360012_1539683741:1", dict(
    ents={"LOC": ["Syrien"], "ORG": ["Verteidigungsministeriums der Russischen Föderation"]},
    quotes=[])))

# 266
SPEC.append(("semeval-train:1560729913_1496200564:1", dict(
    ents={"ORG": ["Polizeipräsidium Mittelfranken", "Polizeipräsidiums Mittelfranken",
                  "Polizeiinspektors Nürnberg-Süd"],
          "LOC": ["Nürnberg", "Voltastraße"]},
    quotes=[])))

# 267
SPEC.append(("semeval-train:1499860417_1540491948:1", dict(
    ents={"LOC": ["Offenbach"], "ORG": ["Facebook", "Polizei Offenbac"]},
    quotes=[])))

# 268
SPEC.append(("semeval-train:1640904400_1640831864:1", dict(
    ents={"LOC": ["Gütersloh", "Berlin", "Bezirk Gütersloh"], "ORG": ["Tönnies", "dpa"],
          "PER": ["Armin Laschet", "Lashet", "Rainer Spiering"]},
    quotes=[])))

# 269
SPEC.append(("semeval-train:1640904400_1640831864:2", dict(
    ents={"ORG": ["Tönnies"], "PER": ["Armin Laschet", "Laschet", "Lashet"],
          "LOC": ["Kreis Gütersloh", "Nordrhein-Westfalens"]},
    quotes=[])))

# 270
SPEC.append(("semeval-train:1598071847_1598821430:1", dict(
    ents={"LOC": ["China", "Chinas", "Russland", "Russlands", "Frankreich", "Niederlanden", "Nordmazedonien",
                  "Albanien", "Serbien", "Montenegro", "Balkan", "Bosnien", "Kosovo", "Belgrad"],
          "ORG": ["EU"], "PER": ["Aleksandar Vucic"]},
    quotes=[])))

# 271
SPEC.append(("semeval-train:1551670462_1590856780:1", dict(
    ents={"ORG": ["Linz Textil Holding AG", "Vossen", "Linz Textil Holding Aktiengesellschaft", "www.linz-textil.at",
                  "pressetext.com", "Dow Jones Newswires18", "Smartbroker.de"],
          "LOC": ["Österreich", "Deutschland", "Wiener Straße", "Linz", "Östereich"],
          "PER": ["Friedrich Schopf"]},
    quotes=[])))

# 272
SPEC.append(("semeval-train:1566453472_1565032210:1", dict(
    ents={"ORG": ["Commerzbank", "Bain & Company", "Wirtschaftswoche", "dpa", "Reuter"],
          "PER": ["Bettina Orlopp"]},
    quotes=[])))

# 273
SPEC.append(("semeval-train:1483972116_1484087766:1", dict(
    ents={"PER": ["Harry Kupfer", "Harry Copper", "Kupfer", "Wagner", "Michael Müller", "Monika Grütter",
                  "Hans Schavernoch"],
          "LOC": ["Berlin", "Bayreuth", "Deutschlands", "Wien", "Barcelona", "Helsinki", "Salzburg", "Shanghai"],
          "ORG": ["Arsis", "Comic Opera Berlin", "SPD", "CDU"],
          "MISC": ["Parsifal", "Rosenkavalier"]},
    quotes=[])))

# 274
SPEC.append(("semeval-train:1483972116_1484087766:2", dict(
    ents={"PER": ["Harry Kupfer", "Harry Copper's", "Kupfer", "Andreas Homoki", "Kosky", "Barrie Kosky", "Handel"],
          "ORG": ["Comic Opera Berlin"], "LOC": ["Berlin"], "MISC": ["Poros"]},
    quotes=[])))

# 275
SPEC.append(("semeval-train:1484178691_1484084196:1", dict(
    ents={"PER": ["Mareile Höppner", "Lena Meyer-Landrut", "Julia Rose"],
          "ORG": ["Instagram", "Instagra"], "LOC": ["Berlin"], "MISC": ["Brisant"]},
    quotes=[])))

# 276
SPEC.append(("semeval-train:1484178691_1484084196:2", dict(
    ents={"PER": ["Verona Pooth", "Verona", "Dieter Bohlen", "Georg Wend"], "LOC": ["Berlin"],
          "ORG": ["Instagram", "dpa"], "MISC": ["Ein Herz für Kinder"]},
    quotes=[])))

# 277
SPEC.append(("semeval-train:1483989254_1484672934:1", dict(
    ents={"LOC": ["Velpke"], "ORG": ["Velpker Sportvereins", "VSV"]},
    quotes=[])))

# 278
SPEC.append(("semeval-train:1483989254_1484672934:2", dict(
    ents={"PER": ["Léon Berben", "Berben", "Sweelinck", "Buxtehude"], "LOC": ["Melle", "Köln", "PetrikKirche"],
          "ORG": ["Ev. luth. St. Petri-Kirchengemeinde Melle"], "MISC": ["Norddeutschen Orgelschule"]},
    quotes=[])))

# 279
SPEC.append(("semeval-train:1597014612_1618352401:1", dict(
    ents={"PER": ["Markus Söder", "Angela Merkel"], "LOC": ["Berlin", "Sachsen-Anhalt", "Niedersachsen"],
          "ORG": ["DPA-AFX", "Bayerische Kabinett", "Bayerischen Kabinetts", "CDU"]},
    quotes=[])))

# 280
SPEC.append(("semeval-train:1572188756_1576513092:1", dict(
    ents={"PER": ["Viola Kuka", "Susine Kuka"],
          "LOC": ["Neuseeland", "Stein", "Traun", "TRAUN", "TRAUNREUT", "County Traunstein"]},
    quotes=[])))

# 281
SPEC.append(("semeval-train:1607427987_1536561295:1", dict(
    ents={"PER": ["Andreas Ibel", "Ibel"], "LOC": ["Frankfurt", "Berlin"],
          "ORG": ["BFW", "Bundesverbandes Freier Immobilien- und Wohnungsunternehmen"]},
    quotes=[])))

# 282
SPEC.append(("semeval-train:1500661913_1501657049:1", dict(
    ents={"PER": ["Greta Thunberg", "Thunberg"], "LOC": ["Davos"],
          "ORG": ["Weltwirtschaftswirtschaftsforums", "WEF"]},
    quotes=[])))

# 283
SPEC.append(("semeval-train:1493732201_1493708531:1", dict(
    ents={"PER": ["Erik Widstrand", "Widstrand"],
          "LOC": ["Stockholm", "Stockholms", "Ostermalm", "Uppsala", "Schweden"], "ORG": ["apa"]},
    quotes=[])))

# 284
SPEC.append(("semeval-train:1493732201_1493708531:2", dict(
    ents={"PER": ["Erik Widstrand"], "LOC": ["Schweden", "Stockholm", "Stockholms", "Östermalm"]},
    quotes=[])))

# 285
SPEC.append(("semeval-train:1484428859_1484395351:1", dict(
    ents={"PER": ["Rosi Stelzl", "Stelzl"], "LOC": ["Konzell", "Kreut", "Rettenbach", "Zandt"]},
    quotes=[])))

# 286
SPEC.append(("semeval-train:1484428859_1484395351:2", dict(
    ents={"PER": ["Stefan", "Martin", "Marina Wudy", "Martin Schöls", "Stefan Bartl-Schöls"],
          "LOC": ["Landkreis Schwandorf", "Schwandorf"]},
    quotes=[])))

# 287
SPEC.append(("semeval-train:1581829129_1594483297:1", dict(
    ents={"PER": ["GUDRUN ENGEL", "Ylva Johansson"],
          "LOC": ["Griechenland", "Deutschland", "Hannover", "Chios", "Samos", "Lesbos", "Moria"],
          "ORG": ["ARD Studio Brüssel", "internationalen Organisation für Migration", "IOM"]},
    quotes=[])))

# 288
SPEC.append(("semeval-train:1621191871_1580310586:1", dict(
    ents={"PER": ["Macron", "Emmanuel Macron", "Angela Merkel", "Merkels"],
          "LOC": ["USA", "US", "Paris", "Frankreich", "Deutschland", "Italien", "Großbritannien", "Kanada", "Japan"],
          "ORG": ["CDU", "Elysée-Palast", "G7"]},
    quotes=[])))

# 289
SPEC.append(("semeval-train:1621191871_1580310586:2", dict(
    ents={"PER": ["Merkels", "Steffen Seibert"],
          "LOC": ["Washington", "USA", "Deutschland", "Frankreich", "Großbritannien", "Italien", "Japan", "Kanada"],
          "ORG": ["G7", "Weiße Haus", "White House", "Coalition for Emergency Preparedness Innovations", "CEPI",
                  "Globalen Impfallianz", "GAVI", "Globalen Fund", "GFATM", "afp"]},
    quotes=[])))

# 290
SPEC.append(("semeval-train:1527134921_1590959574:1", dict(
    ents={"LOC": ["Norwegen", "Oslo", "Spitzbergen", "Svalbard", "Barentsburg"], "ORG": ["RND", "dpa"]},
    quotes=[])))
