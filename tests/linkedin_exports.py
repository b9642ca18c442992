"""LinkedIn "Save to PDF" profiles reproduced with reportlab, in seven interface languages.

The export's layout is public and stable: a narrow tinted sidebar on the left of the first page
(Contact, Top Skills, Languages, Certifications, Honors-Awards, each heading in bold) and a main
column (the name in large type, the headline, the location, then Summary, Experience and
Education). Each job is a company line, a title, a dates line with the duration in brackets and
a place, then its description. Long emails and URLs are cut at the sidebar's edge mid-word, and
each URL carries a link annotation with the whole address. A footer says "Page 1 of 2".

``export(code)`` returns the PDF bytes and the facts a reader must find, both written here in
the project's own words (a fictional ISP network administrator).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = LETTER
SIDEBAR_X, SIDEBAR_W = 30, 150
MAIN_X, MAIN_W = 215, 365


@dataclass
class Profile:
    code: str
    name: str
    headline: str
    location: str
    email: str
    slug: str
    headings: dict[str, str]  # contact, skills, languages, certifications, summary, experience, education
    top_skills: list[str]
    languages: list[str]
    certifications: list[str]
    summary: str
    # (company, title, dates, place, description lines)
    jobs: list[tuple[str, str, str, str, list[str]]]
    education: list[tuple[str, str]]
    page_word: tuple[str, str]  # ("Page", "of")
    link_label: str = "LinkedIn"
    local_skills: list[str] = field(default_factory=list)  # skill ids its local words name


PROFILES = {
    "en": Profile(
        "en", "Marisol Quintero", "Network Administrator | Fiber and Wireless Access Networks", "Tucson, Arizona, United States",
        "marisol.quintero.netadmin@gmail.com", "marisol-quintero-4b2a19171",
        {"contact": "Contact", "skills": "Top Skills", "languages": "Languages", "certifications": "Certifications",
         "summary": "Summary", "experience": "Experience", "education": "Education"},
        ["Network Administration", "Cisco IOS", "Fiber Optics"], ["English (Native or Bilingual)", "Spanish (Professional Working)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Network administrator who keeps broadband subscribers online and the core network documented and tidy.",
        [
            ("Desert Sky Broadband", "Network Administrator", "March 2021 - Present (3 years 9 months)", "Tucson, Arizona",
             ["Summary:", "Run the routing and switching for a regional fiber network with Cisco and Juniper gear.",
              "Achievements:", "Cut outage time by a third with better monitoring in Zabbix."]),
            ("Desert Sky Broadband", "Network Technician", "June 2018 - February 2021 (2 years 9 months)", "Tucson, Arizona",
             ["Kept the access network and the subscribers' modems running."]),
            ("Tucson Food Bank", "IT Volunteer", "January 2019 - February 2021 (2 years 2 months)", "Tucson, Arizona",
             ["Set up the office network, the Wi-Fi and the backups."]),
        ],
        [("Pima Community College", "Associate of Applied Science - AAS, Network Administration · (2014 - 2016)")],
        ("Page", "of"), local_skills=["network-administration"],
    ),
    "es": Profile(
        "es", "Lucía Fernández Ortega", "Administradora de redes | Fibra óptica y redes inalámbricas", "Sevilla, Andalucía, España",
        "lucia.fernandez.ortega.redes@gmail.com", "lucia-fernandez-ortega-7c1d2e",
        {"contact": "Contactar", "skills": "Aptitudes principales", "languages": "Idiomas", "certifications": "Certificaciones",
         "summary": "Extracto", "experience": "Experiencia", "education": "Educación"},
        ["Administración de redes", "Cableado de redes", "Soporte técnico"], ["Español (Nativo o bilingüe)", "Inglés (Competencia profesional)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Administradora de redes con experiencia en la operación de una red de fibra y en la atención al cliente de empresas.",
        [
            ("Fibras del Sur", "Administradora de redes", "marzo de 2021 - actualidad (3 años 9 meses)", "Sevilla, Andalucía",
             ["Resumen:", "Gestión del enrutamiento y la conmutación con equipos Cisco y Juniper en la red de fibra.",
              "Logros:", "Reduje el tiempo de las averías con la monitorización en Zabbix."]),
            ("Banco de Alimentos de Sevilla", "Técnica informática voluntaria", "enero de 2019 - febrero de 2021 (2 años 2 meses)", "Sevilla",
             ["Instalación de la red de la oficina, del wifi y de las copias de seguridad."]),
        ],
        [("Universidad de Sevilla", "Grado en Ingeniería de Telecomunicación · (2012 - 2016)")],
        ("Página", "de"), local_skills=["network-administration", "structured-cabling", "technical-support"],
    ),
    "pt": Profile(
        "pt", "João Pedro Carvalho", "Analista de redes | Fibra óptica e redes sem fio", "Campinas, São Paulo, Brasil",
        "joao.pedro.carvalho.redes@gmail.com", "joao-pedro-carvalho-51a3b8",
        {"contact": "Contato", "skills": "Principais competências", "languages": "Idiomas", "certifications": "Certificações",
         "summary": "Resumo", "experience": "Experiência", "education": "Formação acadêmica"},
        ["Redes de computadores", "Bancos de dados", "Suporte técnico"], ["Português (Nativo ou bilíngue)", "Inglês (Avançado)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Analista de redes com experiência na operação de uma rede de fibra óptica e no atendimento ao cliente corporativo.",
        [
            ("Fibra Paulista Telecom", "Analista de redes", "março de 2021 - o momento (3 anos 9 meses)", "Campinas, São Paulo",
             ["Resumo:", "Cuido do roteamento e da comutação com equipamentos Cisco e Juniper na rede de fibra.",
              "Conquistas:", "Reduzi o tempo das quedas com o monitoramento no Zabbix."]),
            ("Banco de Alimentos de Campinas", "Técnico de informática voluntário", "janeiro de 2019 - fevereiro de 2021 (2 anos 2 meses)", "Campinas",
             ["Montei a rede do escritório, o wifi e as cópias de segurança."]),
        ],
        [("Universidade Estadual de Campinas", "Bacharelado em Ciência da Computação · (2012 - 2016)")],
        ("Página", "de"), local_skills=["networking", "databases", "technical-support"],
    ),
    "fr": Profile(
        "fr", "Camille Lefèvre", "Administratrice réseaux | Fibre optique et réseaux sans fil", "Lyon, Auvergne-Rhône-Alpes, France",
        "camille.lefevre.reseaux.lyon@gmail.com", "camille-lefevre-2e9f41",
        {"contact": "Coordonnées", "skills": "Principales compétences", "languages": "Langues", "certifications": "Certifications",
         "summary": "Résumé", "experience": "Expérience", "education": "Formation"},
        ["Administration réseau", "Support technique", "Fibre optique"], ["Français (Langue maternelle ou bilingue)", "Anglais (Capacité professionnelle)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Administratrice réseaux qui assure le bon fonctionnement d'un réseau de fibre et le support technique des entreprises clientes.",
        [
            ("Fibre Rhône Télécom", "Administratrice réseaux", "mars 2021 - aujourd’hui (3 ans 9 mois)", "Lyon, Auvergne-Rhône-Alpes",
             ["Résumé :", "Gestion du routage et de la commutation avec des équipements Cisco et Juniper sur le réseau de fibre.",
              "Réalisations :", "J'ai réduit la durée des pannes grâce à la supervision dans Zabbix."]),
            ("Banque Alimentaire du Rhône", "Technicienne informatique bénévole", "janvier 2019 - février 2021 (2 ans 2 mois)", "Lyon",
             ["Installation du réseau du bureau, du wifi et des sauvegardes."]),
        ],
        [("Université Claude Bernard Lyon 1", "Licence professionnelle, Réseaux et télécommunications · (2013 - 2016)")],
        ("Page", "sur"), local_skills=["network-administration", "technical-support", "fiber-optics"],
    ),
    "de": Profile(
        "de", "Jonas Becker", "Netzwerkadministrator | Glasfaser und Funknetze", "Leipzig, Sachsen, Deutschland",
        "jonas.becker.netzwerktechnik@gmail.com", "jonas-becker-8d7e21",
        {"contact": "Kontakt", "skills": "Top-Kenntnisse", "languages": "Sprachen", "certifications": "Bescheinigungen",
         "summary": "Zusammenfassung", "experience": "Berufserfahrung", "education": "Ausbildung"},
        ["Netzwerkadministration", "Glasfasermontage", "Netzwerktechnik"], ["Deutsch (Muttersprache oder zweisprachig)", "Englisch (Fließend)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Netzwerkadministrator, der ein regionales Glasfasernetz betreibt und die Kunden im Geschäftsbereich technisch betreut.",
        [
            ("Mitteldeutsche Glasfaser GmbH", "Netzwerkadministrator", "März 2021 - Heute (3 Jahre 9 Monate)", "Leipzig, Sachsen",
             ["Zusammenfassung:", "Betrieb des Routings und Switchings mit Cisco- und Juniper-Geräten im Glasfasernetz.",
              "Erfolge:", "Die Dauer der Störungen mit einer besseren Überwachung in Zabbix deutlich verkürzt."]),
            ("Leipziger Tafel e.V.", "IT-Betreuer Ehrenamt", "Januar 2019 - Februar 2021 (2 Jahre 2 Monate)", "Leipzig",
             ["Einrichtung des Büronetzes, des WLANs und der Datensicherung."]),
        ],
        [("Berufsschule für Informationstechnik Leipzig", "Fachinformatiker für Systemintegration · (2013 - 2016)")],
        ("Seite", "von"), local_skills=["network-administration", "ftth", "networking"],
    ),
    "it": Profile(
        "it", "Giulia Romano", "Amministratrice di rete | Fibra ottica e reti wireless", "Bologna, Emilia-Romagna, Italia",
        "giulia.romano.reti.bologna@gmail.com", "giulia-romano-3f5a77",
        {"contact": "Contatti", "skills": "Competenze principali", "languages": "Lingue", "certifications": "Certificazioni",
         "summary": "Riepilogo", "experience": "Esperienza", "education": "Formazione"},
        ["Amministrazione di rete", "Supporto tecnico", "Fibra ottica"], ["Italiano (Madrelingua o bilingue)", "Inglese (Professionale)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Amministratrice di rete che gestisce una rete in fibra ottica e offre supporto tecnico ai clienti aziendali.",
        [
            ("Fibra Emiliana S.p.A.", "Amministratrice di rete", "marzo 2021 - Presente (3 anni 9 mesi)", "Bologna, Emilia-Romagna",
             ["Riepilogo:", "Gestione del routing e dello switching con apparati Cisco e Juniper sulla rete in fibra.",
              "Risultati:", "Ho ridotto la durata dei guasti con il monitoraggio in Zabbix."]),
            ("Banco Alimentare di Bologna", "Tecnica informatica volontaria", "gennaio 2019 - febbraio 2021 (2 anni 2 mesi)", "Bologna",
             ["Configurazione della rete dell'ufficio, del wifi e dei backup."]),
        ],
        [("Università di Bologna", "Laurea triennale, Ingegneria informatica · (2012 - 2015)")],
        ("Pagina", "di"), local_skills=["network-administration", "technical-support", "fiber-optics"],
    ),
    "nl": Profile(
        "nl", "Sanne de Vries", "Netwerkbeheerder | Glasvezel en draadloze netwerken", "Utrecht, Nederland",
        "sanne.devries.netwerkbeheer@gmail.com", "sanne-de-vries-6b2c90",
        {"contact": "Contactgegevens", "skills": "Belangrijkste vaardigheden", "languages": "Talen", "certifications": "Certificeringen",
         "summary": "Samenvatting", "experience": "Ervaring", "education": "Opleiding"},
        ["Netwerkbeheer", "Technische ondersteuning", "Glasvezel"], ["Nederlands (Moedertaal of tweetalig)", "Engels (Professioneel)"],
        ["Cisco Certified Network Associate (CCNA)"],
        "Netwerkbeheerder die een regionaal glasvezelnetwerk beheert en zakelijke klanten technisch ondersteunt.",
        [
            ("Glasvezel Midden B.V.", "Netwerkbeheerder", "maart 2021 - heden (3 jaar 9 maanden)", "Utrecht",
             ["Samenvatting:", "Beheer van routering en switching met Cisco- en Juniper-apparatuur in het glasvezelnetwerk.",
              "Resultaten:", "De duur van storingen verkort met betere monitoring in Zabbix."]),
            ("Voedselbank Utrecht", "IT-medewerker vrijwilliger", "januari 2019 - februari 2021 (2 jaar 2 maanden)", "Utrecht",
             ["Inrichting van het kantoornetwerk, de wifi en de back-ups."]),
        ],
        [("Hogeschool Utrecht", "Bachelor, HBO-ICT · (2012 - 2016)")],
        ("Pagina", "van"), local_skills=["network-administration", "technical-support", "fiber-optics"],
    ),
}
LANGUAGE_CODES = tuple(PROFILES)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Words wrapped at ``width``; a word wider than a line is cut mid-word, as the export does
    with long emails and URLs in its sidebar."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if stringWidth(trial, font, size) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = ""
        while stringWidth(word, font, size) > width:
            cut = max(i for i in range(1, len(word) + 1) if stringWidth(word[:i], font, size) <= width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def export(code: str, *, email_link: bool = False, profile: Profile | None = None) -> tuple[bytes, Profile]:
    """The export of the profile in interface language ``code`` (or of ``profile``). ``email_link``:
    the email carries a mailto: link annotation (some exports have one, some do not)."""
    p = profile or PROFILES[code]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    pdf.setTitle("Resume")
    pdf.setAuthor("LinkedIn")

    def sidebar_background():
        pdf.setFillColorRGB(0.953, 0.961, 0.973)
        pdf.rect(0, 0, SIDEBAR_X + SIDEBAR_W + 15, PAGE_H, stroke=0, fill=1)

    def footer(page: int, pages: int):
        pdf.setFillColorRGB(0.6, 0.6, 0.6)
        pdf.setFont("Helvetica", 9)
        pdf.drawCentredString(MAIN_X + MAIN_W / 2, 20, f"{p.page_word[0]}\u00a0{page}\u00a0{p.page_word[1]}\u00a0{pages}")

    sidebar_background()
    # Sidebar.
    y = PAGE_H - 50

    def side_heading(text):
        nonlocal y
        pdf.setFillColorRGB(0.1, 0.1, 0.1)
        pdf.setFont("Helvetica-Bold", 13)
        pdf.drawString(SIDEBAR_X, y, text)
        y -= 20

    def side_item(text, uri=None, size=10.5):
        nonlocal y
        pdf.setFillColorRGB(0.1, 0.1, 0.1)
        pdf.setFont("Helvetica", size)
        top = y + size
        for line in _wrap(text, "Helvetica", size, SIDEBAR_W):
            pdf.drawString(SIDEBAR_X, y, line)
            y -= size * 1.35
        if uri:
            pdf.linkURL(uri, (SIDEBAR_X, y + size * 1.35 - 3, SIDEBAR_X + SIDEBAR_W, top), relative=0)
        y -= 3

    side_heading(p.headings["contact"])
    side_item(p.email, f"mailto:{p.email}" if email_link else None)
    side_item(f"www.linkedin.com/in/{p.slug} ({p.link_label})", f"https://www.linkedin.com/in/{p.slug}?trk=pdf")
    y -= 12
    side_heading(p.headings["skills"])
    for skill in p.top_skills:
        side_item(skill)
    y -= 12
    side_heading(p.headings["languages"])
    for language in p.languages:
        side_item(language)
    y -= 12
    side_heading(p.headings["certifications"])
    for certification in p.certifications:
        side_item(certification)

    # Main column.
    y = PAGE_H - 58

    def main_line(text, font="Helvetica", size=10.5, grey=False, gap=1.3):
        nonlocal y
        pdf.setFillColorRGB(*((0.45, 0.45, 0.45) if grey else (0.1, 0.1, 0.1)))
        pdf.setFont(font, size)
        for line in _wrap(text, font, size, MAIN_W):
            pdf.drawString(MAIN_X, y, line)
            y -= size * gap

    main_line(p.name, size=26)
    y -= 4
    main_line(p.headline, size=12)
    main_line(p.location, grey=True)
    y -= 14
    main_line(p.headings["summary"], size=15.75)
    y -= 2
    main_line(p.summary)
    y -= 14
    main_line(p.headings["experience"], size=15.75)
    y -= 2
    for index, (company, title, dates, place, lines) in enumerate(p.jobs):
        if index == 1:
            footer(1, 2)
            pdf.showPage()
            y = PAGE_H - 50
        if index and company == p.jobs[index - 1][0]:
            pass  # another role at the same company: no company line again
        else:
            main_line(company, size=12)
        main_line(title, font="Helvetica-Bold")
        main_line(dates, grey=True)
        main_line(place, grey=True)
        y -= 4
        for line in lines:
            main_line(line)
        y -= 12
    main_line(p.headings["education"], size=15.75)
    y -= 2
    for school, degree in p.education:
        main_line(school, size=12)
        main_line(degree)
    footer(2, 2)
    pdf.save()
    return buffer.getvalue(), p
