"""Fictional people for the sample resumes. Names, employers and numbers are invented."""

PERSONAS = [
    {
        "slug": "network-technician",
        "name": "Marisol Vega",
        "title": "Network Technician",
        "email": "marisol.vega@example.com",
        "phone": "(503) 555-0142",
        "linkedin": "linkedin.com/in/marisol-vega-net",
        "location": "Portland, OR",
        "summary": (
            "Network technician with six years of experience installing, configuring and troubleshooting "
            "routers, switches and broadband access equipment for a regional internet service provider. "
            "Known for clear communication with customers and for cutting repeat truck rolls."
        ),
        "experience": [
            ("Network Technician II", "Cascade Broadband", "Portland, OR", "2021 - Present", [
                "Configured Cisco and Juniper routers and switches for 40+ business customers, including VLANs, static routing and OSPF.",
                "Troubleshot DOCSIS 3.1 cable modem and GPON ONT faults using Wireshark, ping and traceroute, resolving 92% on the first visit.",
                "Tested and certified fiber runs with an OTDR and optical power meter; performed fusion splicing on FTTH drops.",
                "Documented every change in ServiceNow tickets and trained three junior technicians on TCP/IP, DNS and DHCP basics.",
            ]),
            ("Field Technician", "Willamette Cable Services", "Salem, OR", "2018 - 2021", [
                "Installed coaxial cable, cable modems and Wi-Fi access points for residential customers, averaging 6 installs a day.",
                "Terminated and tested Cat6 cabling and patch panels in small offices.",
                "Explained equipment and service plans to customers with patience, keeping a 4.8/5 satisfaction score.",
            ]),
        ],
        "education": [("Associate of Applied Science in Network Administration", "Portland Community College", "2018")],
        "certifications": ["Cisco Certified Network Associate (CCNA)", "CompTIA Network+", "BICSI Installer 2, Copper"],
        "skills": [
            "TCP/IP", "DNS", "DHCP", "VLANs", "OSPF", "Routing and switching", "DOCSIS 3.1", "GPON",
            "Fiber splicing", "OTDR testing", "Wireshark", "Cisco IOS", "Juniper Junos", "Troubleshooting",
            "Customer service", "Communication",
        ],
    },
    {
        "slug": "isp-installer",
        "name": "Dale Okafor",
        "title": "ISP Installation Technician",
        "email": "dale.okafor@example.com",
        "phone": "(614) 555-0187",
        "linkedin": "linkedin.com/in/dale-okafor",
        "location": "Columbus, OH",
        "summary": (
            "Field installer who has completed more than 3,000 residential and small-business broadband "
            "installations. Comfortable on ladders and poles, careful with safety, and friendly at the door."
        ),
        "experience": [
            ("Broadband Installation Technician", "Buckeye Fiber Networks", "Columbus, OH", "2020 - Present", [
                "Installed and activated FTTH service: drop cable placement, ONT mounting, Wi-Fi router setup and speed tests.",
                "Climbed poles and worked from bucket trucks following OSHA fall-protection rules; zero recordable incidents in four years.",
                "Diagnosed line faults with a light meter and visual fault locator and repaired damaged connectors.",
                "Walked customers through their new equipment and answered billing questions, earning 60+ written compliments.",
            ]),
            ("Cable Installer", "Metro Cable of Ohio", "Dayton, OH", "2017 - 2020", [
                "Ran RG6 coax, installed splitters and amplifiers, and provisioned cable modems and set-top boxes.",
                "Kept the company van stocked and logged every job in the dispatch app.",
            ]),
        ],
        "education": [("High School Diploma", "Westland High School", "2016")],
        "certifications": ["BICSI Certified Broadband Installer (CBI)", "OSHA 10-Hour Construction", "Valid driver's license, clean record"],
        "skills": [
            "FTTH installation", "Coaxial cable", "Cable modems", "ONT", "Pole climbing", "Ladder safety",
            "Bucket truck operation", "Fiber optic testing", "Wi-Fi setup", "Customer service", "Time management",
        ],
    },
    {
        "slug": "network-engineer",
        "name": "Priya Raman",
        "title": "Senior Network Engineer",
        "email": "priya.raman@example.com",
        "phone": "(512) 555-0163",
        "linkedin": "linkedin.com/in/praman",
        "location": "Austin, TX",
        "summary": (
            "Network engineer with nine years designing and operating service-provider backbones. "
            "Led the move of a 120-site regional network to an MPLS core with full IPv6, and automated "
            "routine changes with Python and Ansible."
        ),
        "experience": [
            ("Senior Network Engineer", "Lone Star Internet", "Austin, TX", "2019 - Present", [
                "Designed and deployed an MPLS core with BGP route reflectors and IS-IS, raising backbone availability to 99.995%.",
                "Rolled out dual-stack IPv6 to 85,000 subscribers, working with the NOC and customer support on the cut-over plan.",
                "Automated configuration backups and compliance checks with Python, Netmiko and Ansible, saving 20 engineer-hours a week.",
                "Hardened edge routers with firewall filters, uRPF and DDoS scrubbing, and wrote the QoS policy for voice traffic.",
            ]),
            ("Network Engineer", "Hill Country Telecom", "San Marcos, TX", "2015 - 2019", [
                "Maintained Juniper MX and Cisco ASR routers, OSPF areas and eBGP peering with three upstream carriers.",
                "Built site-to-site IPsec VPNs and managed Palo Alto firewalls for business customers.",
                "Monitored the network with SolarWinds and LibreNMS and led root-cause analysis after outages.",
            ]),
        ],
        "education": [("Bachelor of Science in Computer Engineering", "Texas State University", "2015")],
        "certifications": ["Cisco Certified Network Professional (CCNP) Enterprise", "Juniper JNCIS-SP", "CompTIA Security+"],
        "skills": [
            "BGP", "OSPF", "IS-IS", "MPLS", "IPv6", "QoS", "Firewalls", "VPN", "Network design", "Python",
            "Ansible", "Juniper", "Cisco", "SolarWinds", "Linux", "Project management",
        ],
    },
    {
        "slug": "technical-support",
        "name": "Tomas Berg",
        "title": "Technical Support Specialist",
        "email": "tomas.berg@example.com",
        "phone": "(612) 555-0119",
        "linkedin": "linkedin.com/in/tomas-berg-support",
        "location": "Minneapolis, MN",
        "summary": (
            "Tier 2 technical support specialist for a residential and small-business ISP. I turn frustrated "
            "callers into satisfied customers by explaining technical problems in plain language."
        ),
        "experience": [
            ("Technical Support Specialist, Tier 2", "North Star Broadband", "Minneapolis, MN", "2021 - Present", [
                "Resolved escalated connectivity cases over phone and chat: DNS misconfiguration, DHCP lease problems, Wi-Fi interference and modem provisioning.",
                "Used remote desktop tools and the modem management portal to fix issues without a truck roll, cutting dispatches by 18%.",
                "Wrote 35 knowledge-base articles in Zendesk; average handle time fell from 14 to 10 minutes.",
                "Mentored new Tier 1 agents on troubleshooting steps and on empathetic call handling.",
            ]),
            ("Help Desk Technician", "Lakes Medical Group", "St. Paul, MN", "2019 - 2021", [
                "Supported 400 users on Windows 10, Microsoft 365 and Active Directory; reset passwords and imaged laptops.",
                "Tracked incidents in ServiceNow and met the 8-hour resolution target 97% of the time.",
            ]),
        ],
        "education": [("Certificate in IT Support", "Minneapolis Technical College", "2019")],
        "certifications": ["CompTIA A+", "CompTIA Network+", "ITIL 4 Foundation"],
        "skills": [
            "Troubleshooting", "TCP/IP", "DNS", "DHCP", "Wi-Fi", "Windows", "macOS", "Active Directory",
            "Zendesk", "ServiceNow", "Remote support", "Customer service", "Communication", "Patience",
        ],
    },
    {
        "slug": "customer-service",
        "name": "Aisha Thompson",
        "title": "Customer Service Representative",
        "email": "aisha.thompson@example.com",
        "phone": "(404) 555-0135",
        "linkedin": "linkedin.com/in/aisha-thompson-cs",
        "location": "Atlanta, GA",
        "summary": (
            "Customer service representative with five years in high-volume contact centres, most recently for "
            "an internet and TV provider. Calm with upset callers and accurate with billing."
        ),
        "experience": [
            ("Customer Service Representative", "Peachtree Connect", "Atlanta, GA", "2020 - Present", [
                "Answered 60+ calls and chats a day about billing, plan changes, outages and basic modem resets.",
                "De-escalated complaints and retained 70% of customers who called to cancel by finding a better plan.",
                "Logged every interaction in Salesforce Service Cloud and scheduled technician visits.",
                "Kept a first-contact resolution rate of 84%, the highest on a team of 25.",
            ]),
            ("Retail Sales Associate", "Midtown Mobile", "Atlanta, GA", "2018 - 2020", [
                "Helped customers choose phones and plans and processed payments and returns.",
            ]),
        ],
        "education": [("Associate of Arts in Communication", "Georgia Perimeter College", "2018")],
        "certifications": ["HDI Customer Service Representative"],
        "skills": [
            "Customer service", "Active listening", "Conflict resolution", "Empathy", "Patience", "Salesforce",
            "Billing", "Call center operations", "Microsoft Excel", "Communication", "Problem solving",
        ],
    },
    {
        "slug": "sales-representative",
        "name": "Greg Lindqvist",
        "title": "Sales Representative",
        "email": "greg.lindqvist@example.com",
        "phone": "(720) 555-0158",
        "linkedin": "linkedin.com/in/greg-lindqvist",
        "location": "Denver, CO",
        "summary": (
            "Sales representative for residential and small-business internet plans. Consistently above quota "
            "through door-to-door canvassing, referrals and honest advice about which plan fits."
        ),
        "experience": [
            ("Residential Sales Representative", "Front Range Fiber", "Denver, CO", "2021 - Present", [
                "Sold fiber internet plans door to door in newly built areas, reaching 128% of quota over two years.",
                "Managed a pipeline of 300+ leads in HubSpot CRM and followed up within 24 hours.",
                "Explained speeds, Wi-Fi coverage and bundles in plain terms and handed off installs to the field team.",
            ]),
            ("Account Executive", "Summit Office Supply", "Aurora, CO", "2018 - 2021", [
                "Grew a book of 80 small-business accounts by 35% through cold calling and quarterly reviews.",
                "Negotiated contract renewals and upsold service agreements.",
            ]),
        ],
        "education": [("Bachelor of Arts in Marketing", "University of Northern Colorado", "2018")],
        "certifications": [],
        "skills": [
            "Consultative selling", "Door-to-door sales", "Cold calling", "Lead generation", "CRM", "HubSpot",
            "Negotiation", "Closing", "Customer relationships", "Communication", "Quota attainment",
        ],
    },
    {
        "slug": "career-changer",
        "name": "Noah Fitzgerald",
        "title": "Aspiring Network Technician",
        "email": "noah.fitzgerald@example.com",
        "phone": "(317) 555-0171",
        "linkedin": "linkedin.com/in/noah-fitzgerald",
        "location": "Indianapolis, IN",
        "summary": (
            "Retail store manager moving into network support. Completed the Google IT Support certificate and "
            "built a home lab to practise routing, VLANs and Linux. Brings eight years of leading teams and "
            "calming unhappy customers."
        ),
        "experience": [
            ("Store Manager", "HomeWorks Hardware", "Indianapolis, IN", "2016 - Present", [
                "Led a team of 14 and kept the store's network, point-of-sale terminals and cameras running with the IT vendor.",
                "Resolved customer complaints and coached staff on service, lifting survey scores by 15%.",
                "Managed scheduling, inventory and a $2M annual budget.",
            ]),
            ("Home Lab Projects", "Self-directed", "Indianapolis, IN", "2023 - Present", [
                "Set up a pfSense firewall, a managed switch with three VLANs and a Raspberry Pi DNS server.",
                "Practised subnetting, static routing and troubleshooting with Packet Tracer labs.",
            ]),
        ],
        "education": [("Bachelor of Arts in Business Administration", "Ball State University", "2015")],
        "certifications": ["Google IT Support Professional Certificate", "CompTIA A+ (in progress)"],
        "skills": [
            "Team leadership", "Customer service", "Networking fundamentals", "VLANs", "Subnetting", "Linux",
            "pfSense", "Troubleshooting", "Budgeting", "Scheduling",
        ],
    },
    {
        "slug": "weak-match",
        "name": "Evelyn Park",
        "title": "Pastry Chef",
        "email": "evelyn.park@example.com",
        "phone": "(206) 555-0126",
        "linkedin": "",
        "location": "Seattle, WA",
        "summary": (
            "Pastry chef with ten years in restaurant and bakery kitchens, creating seasonal desserts and "
            "running a busy morning bake."
        ),
        "experience": [
            ("Head Pastry Chef", "Harbor Street Bakery", "Seattle, WA", "2018 - Present", [
                "Developed a rotating menu of laminated doughs, tarts and plated desserts.",
                "Ordered ingredients, tracked food costs and trained four apprentice bakers.",
            ]),
            ("Pastry Cook", "The Gilded Spoon", "Tacoma, WA", "2014 - 2018", [
                "Prepared desserts for a 120-seat restaurant and catered events.",
            ]),
        ],
        "education": [("Diploma in Baking and Pastry Arts", "Seattle Culinary Academy", "2014")],
        "certifications": ["ServSafe Food Handler"],
        "skills": ["Baking", "Menu development", "Food safety", "Cost control", "Team training", "Plating"],
    },
]
