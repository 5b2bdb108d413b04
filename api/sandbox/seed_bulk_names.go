package sandbox

import "strings"

// The bulk data's words, by locale: what sales teams across the world
// actually type into a CRM, so lists and searches meet many scripts
// (Latin with diacritics, Cyrillic, Greek, CJK, Hangul, Arabic, Hebrew,
// Devanagari, Thai) and a few emoji.

type person struct {
	name, emailLocal string
}

type locale struct {
	weight   int
	projects []string
	clients  []string
	people   []person
	// firsts and lasts, when set, combine into people instead.
	firsts, lasts []string
	phone         func(n uint64) string // n: a deterministic number to draw digits from
}

func digits(n uint64, count int) uint64 {
	m := uint64(1)
	for range count {
		m *= 10
	}
	return n % m
}

var locales = []locale{
	{weight: 40,
		projects: []string{"CRM rollout", "Office fit-out", "Annual license renewal", "Warehouse shelving", "Pilot program",
			"Fleet tracking", "Support contract", "Data migration", "Training package", "Showroom refresh", "Website redesign",
			"Cloud backup plan", "Conference room AV", "Loyalty app", "Payroll integration", "Security audit",
			"Point-of-sale upgrade", "Call center headsets", "Ergonomic chairs", "Solar panels for the depot", "🚀 Launch kit"},
		clients: []string{"Northwind Traders", "Blue Harbor Logistics", "Maple & Pine Interiors", "Redwood Dental Group",
			"Summit Outdoor Co.", "Brightline Pharmacy", "Crescent Bakery", "Ironbridge Capital", "Lakeside Veterinary",
			"Orchard Street Cafe", "Pioneer Freight", "Quartz Analytics", "Riverside Hotel", "Silverleaf Schools",
			"Tidewater Marine", "Urban Roots Florist", "Vantage Fitness", "Willow Creek Farms", "Harper & Cole LLP",
			"Zenith Print Shop", "Golden Gate Motors", "Copperfield Brewing"},
		firsts: []string{"Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas", "Mia",
			"James", "Harper", "Benjamin", "Amelia", "Grace", "Daniel", "Chloe", "Samuel", "Zoe"},
		lasts: []string{"Hughes", "Carter", "Foster", "Brooks", "Sanders", "Ward", "Perry", "Reed", "Long", "Hayes",
			"Price", "O'Connor", "Nguyen", "Adeyemi", "Rossi", "Patel", "Kim", "Murphy", "Alvarez", "Schmidt"},
		phone: func(n uint64) string { return fmtPhone("+1 (%03d) 555-%04d", 200+digits(n, 3)%700, digits(n/1000, 4)) }},
	{weight: 10,
		projects: []string{"Поставка оборудования", "Внедрение CRM", "Ремонт офиса", "Годовая лицензия",
			"Обучение персонала", "Сервисный контракт", "Переезд склада", "Закупка мебели"},
		clients: []string{"ООО «Северный ветер»", "АО «Восток-Сервис»", "ИП Смирнова", "ООО «Сибирская логистика»",
			"Кафе «Ромашка»", "ГК «Уральские машины»", "ООО «Волга Трейд»", "Клиника «Здоровье»"},
		people: []person{{"Анна Иванова", "anna.ivanova"}, {"Дмитрий Кузнецов", "d.kuznetsov"}, {"Елена Попова", "elena.popova"},
			{"Сергей Смирнов", "s.smirnov"}, {"Наталья Волкова", "n.volkova"}, {"Игорь Фёдоров", "igor.fedorov"},
			{"Ксения Морозова", "ksenia.morozova"}, {"Алексей Никитин", "a.nikitin"}},
		phone: func(n uint64) string {
			return fmtPhone("+7 9%02d %03d-%02d-%02d", digits(n, 2), digits(n/100, 3), digits(n/100000, 2), digits(n/10000000, 2))
		}},
	{weight: 6,
		projects: []string{"Büroausstattung", "Lagerlogistik", "Wartungsvertrag", "Schulungspaket", "Umzug der Zentrale"},
		clients:  []string{"Müller & Söhne GmbH", "Bäckerei Schäfer", "Kühne Maschinenbau AG", "Grünwald Immobilien", "Weiß Elektrotechnik"},
		people: []person{{"Jürgen Weiß", "juergen.weiss"}, {"Lena Groß", "lena.gross"}, {"Tobias Köhler", "tobias.koehler"},
			{"Sabine Hoffmann", "sabine.hoffmann"}},
		phone: func(n uint64) string { return fmtPhone("+49 30 %07d", digits(n, 7)) }},
	{weight: 5,
		projects: []string{"Rénovation des bureaux", "Contrat de maintenance", "Formation des équipes", "Déménagement"},
		clients:  []string{"Boulangerie Dupont", "Hôtel Belle Étoile", "Société Lefèvre & Fils", "Café de la Gare", "Atelier Ménard"},
		people: []person{{"Amélie Girard", "amelie.girard"}, {"François Lefèvre", "f.lefevre"}, {"Chloé Moreau", "chloe.moreau"},
			{"Hélène Garçon", "helene.garcon"}},
		phone: func(n uint64) string {
			return fmtPhone("+33 1 %02d %02d %02d %02d", digits(n, 2), digits(n/100, 2), digits(n/10000, 2), digits(n/1000000, 2))
		}},
	{weight: 5,
		projects: []string{"Renovación de oficinas", "Contrato de soporte", "Migración de datos", "Mobiliario de oficina"},
		clients:  []string{"Grupo Solana", "Panadería La Espiga", "Constructora Núñez", "Clínica San José", "Viñedos Peñalba"},
		people: []person{{"José Martínez", "jose.martinez"}, {"Lucía Fernández", "lucia.fernandez"}, {"Íñigo Peña", "inigo.pena"},
			{"María José Ortega", "mj.ortega"}},
		phone: func(n uint64) string {
			return fmtPhone("+34 91 %03d %02d %02d", digits(n, 3), digits(n/1000, 2), digits(n/100000, 2))
		}},
	{weight: 3,
		projects: []string{"Wdrożenie CRM", "Dostawa regałów", "Serwis floty"},
		clients:  []string{"Zakłady Łódzkie", "Piekarnia Żurek", "Hurtownia Gdańsk"},
		people:   []person{{"Łukasz Wiśniewski", "lukasz.w"}, {"Zofia Dąbrowska", "zofia.d"}},
		phone: func(n uint64) string {
			return fmtPhone("+48 22 %03d %02d %02d", digits(n, 3), digits(n/1000, 2), digits(n/100000, 2))
		}},
	{weight: 3,
		projects: []string{"Ofis taşıma", "Yazılım lisansı", "Depo rafları"},
		clients:  []string{"Yıldız Tekstil", "Özgür Gıda", "Çınar Lojistik"},
		people:   []person{{"Ayşe Yılmaz", "ayse.yilmaz"}, {"Mehmet Öztürk", "mehmet.ozturk"}},
		phone: func(n uint64) string {
			return fmtPhone("+90 212 %03d %02d %02d", digits(n, 3), digits(n/1000, 2), digits(n/100000, 2))
		}},
	{weight: 4,
		projects: []string{"Ανακαίνιση γραφείων", "Σύμβαση υποστήριξης", "Εκπαίδευση προσωπικού", "Προμήθεια επίπλων"},
		clients:  []string{"Αθηνά Εμπορική Α.Ε.", "Όλυμπος Τρόφιμα", "Ποσειδών Ναυτιλιακή", "Καφέ Ακρόπολις"},
		people: []person{{"Γιώργος Παπαδόπουλος", "g.papadopoulos"}, {"Μαρία Νικολάου", "maria.nikolaou"},
			{"Ελένη Γεωργίου", "eleni.georgiou"}},
		phone: func(n uint64) string { return fmtPhone("+30 21 %04d %04d", digits(n, 4), digits(n/10000, 4)) }},
	{weight: 5,
		projects: []string{"办公家具采购", "系统升级", "年度维护合同", "仓库货架", "员工培训"},
		clients:  []string{"华星科技", "东方物流", "长城贸易有限公司", "金龙餐饮", "青山医疗"},
		people:   []person{{"王伟", "wang.wei"}, {"李娜", "li.na"}, {"张敏", "zhang.min"}, {"刘洋", "liu.yang"}},
		phone:    func(n uint64) string { return fmtPhone("+86 10 %04d %04d", digits(n, 4), digits(n/10000, 4)) }},
	{weight: 4,
		projects: []string{"オフィス移転", "年間ライセンス", "倉庫管理システム", "社員研修"},
		clients:  []string{"山田商事", "さくら電機", "富士運輸", "みどり薬局"},
		people:   []person{{"佐藤 健", "ken.sato"}, {"鈴木 花子", "hanako.suzuki"}, {"高橋 誠", "makoto.takahashi"}},
		phone:    func(n uint64) string { return fmtPhone("+81 3-%04d-%04d", digits(n, 4), digits(n/10000, 4)) }},
	{weight: 3,
		projects: []string{"사무실 리모델링", "CRM 도입", "연간 유지보수"},
		clients:  []string{"한빛전자", "서울물류", "푸른약국"},
		people:   []person{{"김민준", "minjun.kim"}, {"이서연", "seoyeon.lee"}},
		phone:    func(n uint64) string { return fmtPhone("+82 2-%04d-%04d", digits(n, 4), digits(n/10000, 4)) }},
	{weight: 4,
		projects: []string{"توريد معدات", "عقد صيانة", "تجديد المكاتب", "تدريب الموظفين"},
		clients:  []string{"شركة النخبة", "مؤسسة الأفق", "مطعم الياسمين", "مجموعة الخليج"},
		people:   []person{{"أحمد الحربي", "ahmed.alharbi"}, {"فاطمة الزهراء", "fatima.z"}, {"يوسف النجار", "yousef.najjar"}},
		phone:    func(n uint64) string { return fmtPhone("+971 4 %03d %04d", digits(n, 3), digits(n/1000, 4)) }},
	{weight: 2,
		projects: []string{"ריהוט משרדי", "חוזה תמיכה"},
		clients:  []string{"אורן תעשיות", "מאפיית השקד"},
		people:   []person{{"נועה כהן", "noa.cohen"}, {"דוד לוי", "david.levi"}},
		phone:    func(n uint64) string { return fmtPhone("+972 3-%03d-%04d", digits(n, 3), digits(n/1000, 4)) }},
	{weight: 2,
		projects: []string{"कार्यालय फर्नीचर", "वार्षिक अनुबंध"},
		clients:  []string{"शर्मा ट्रेडर्स", "गंगा लॉजिस्टिक्स"},
		people:   []person{{"प्रिया शर्मा", "priya.sharma"}, {"राहुल वर्मा", "rahul.verma"}},
		phone:    func(n uint64) string { return fmtPhone("+91 22 %04d %04d", digits(n, 4), digits(n/10000, 4)) }},
	{weight: 1,
		projects: []string{"ปรับปรุงสำนักงาน"},
		clients:  []string{"สยามโลจิสติกส์"},
		people:   []person{{"สมชาย ใจดี", "somchai.j"}},
		phone:    func(n uint64) string { return fmtPhone("+66 2 %03d %04d", digits(n, 3), digits(n/1000, 4)) }},
}

// personAt draws locale l's person number n.
func (l *locale) personAt(n int) person {
	if len(l.firsts) == 0 {
		return l.people[n%len(l.people)]
	}
	first, last := l.firsts[n%len(l.firsts)], l.lasts[(n/len(l.firsts))%len(l.lasts)]
	local := strings.ToLower(first + "." + strings.ReplaceAll(last, "'", ""))
	return person{name: first + " " + last, emailLocal: local}
}

// allClients lists every locale's clients once: the bulk companies.
func allClients() []bulkEntity {
	var out []bulkEntity
	for k := range locales {
		for _, name := range locales[k].clients {
			out = append(out, bulkEntity{name: name, loc: &locales[k]})
		}
	}
	return out
}

var emailDomains = []string{"example.com", "mail.example", "corp.example", "example.net", "post.example"}
