"""The words of the demo newspaper, written for Shpalta in three languages.

Places and institutions are real; people quoted are fictional and every sentence is
our own. Frames are filled with a city ({city}, {city_loc} with its preposition) and
a number from 5 to 20 ({n}), a range that takes the same noun form in uk and ru.
"""

CITIES = [
    {"uk": ("Київ", "у Києві"), "ru": ("Киев", "в Киеве"), "en": ("Kyiv", "in Kyiv")},
    {
        "uk": ("Харків", "у Харкові"),
        "ru": ("Харьков", "в Харькове"),
        "en": ("Kharkiv", "in Kharkiv"),
    },
    {"uk": ("Одеса", "в Одесі"), "ru": ("Одесса", "в Одессе"), "en": ("Odesa", "in Odesa")},
    {"uk": ("Львів", "у Львові"), "ru": ("Львов", "во Львове"), "en": ("Lviv", "in Lviv")},
    {"uk": ("Дніпро", "у Дніпрі"), "ru": ("Днепр", "в Днепре"), "en": ("Dnipro", "in Dnipro")},
    {
        "uk": ("Запоріжжя", "у Запоріжжі"),
        "ru": ("Запорожье", "в Запорожье"),
        "en": ("Zaporizhzhia", "in Zaporizhzhia"),
    },
    {
        "uk": ("Миколаїв", "у Миколаєві"),
        "ru": ("Николаев", "в Николаеве"),
        "en": ("Mykolaiv", "in Mykolaiv"),
    },
    {"uk": ("Суми", "у Сумах"), "ru": ("Сумы", "в Сумах"), "en": ("Sumy", "in Sumy")},
    {
        "uk": ("Чернігів", "у Чернігові"),
        "ru": ("Чернигов", "в Чернигове"),
        "en": ("Chernihiv", "in Chernihiv"),
    },
    {
        "uk": ("Полтава", "у Полтаві"),
        "ru": ("Полтава", "в Полтаве"),
        "en": ("Poltava", "in Poltava"),
    },
]

# slug: (uk, ru, en)
SECTIONS = {
    "politics": ("Політика", "Политика", "Politics"),
    "war": ("Війна", "Война", "War"),
    "economy": ("Економіка", "Экономика", "Economy"),
    "world": ("Світ", "Мир", "World"),
    "society": ("Суспільство", "Общество", "Society"),
    "culture": ("Культура", "Культура", "Culture"),
    "sport": ("Спорт", "Спорт", "Sport"),
    "technology": ("Технології", "Технологии", "Technology"),
    "health": ("Здоров'я", "Здоровье", "Health"),
    "regions": ("Регіони", "Регионы", "Regions"),
}

LABELS = {
    "explainer": ("ПОЯСНЕННЯ", "ОБЪЯСНЕНИЕ", "EXPLAINER"),
    "exclusive": ("ЕКСКЛЮЗИВ", "ЭКСКЛЮЗИВ", "EXCLUSIVE"),
    "live": ("ОНЛАЙН", "ОНЛАЙН", "LIVE"),
}

# slug: (uk, ru, en)
TAGS = {
    "nato": ("НАТО", "НАТО", "NATO"),
    "war": ("війна", "война", "war"),
    "putin": ("Путін", "Путин", "Putin"),
    "eu": ("Євросоюз", "Евросоюз", "EU"),
    "usa": ("США", "США", "USA"),
    "russia": ("Росія", "Россия", "Russia"),
    "rada": ("Верховна Рада", "Верховная Рада", "Verkhovna Rada"),
    "government": ("Кабмін", "Кабмин", "Cabinet of Ministers"),
    "energy": ("енергетика", "энергетика", "energy"),
    "air-defence": ("ППО", "ПВО", "air defence"),
    "drones": ("дрони", "дроны", "drones"),
    "shelling": ("обстріли", "обстрелы", "shelling"),
    "kyiv": ("Київ", "Киев", "Kyiv"),
    "kharkiv": ("Харків", "Харьков", "Kharkiv"),
    "odesa": ("Одеса", "Одесса", "Odesa"),
    "lviv": ("Львів", "Львов", "Lviv"),
    "dnipro": ("Дніпро", "Днепр", "Dnipro"),
    "zaporizhzhia": ("Запоріжжя", "Запорожье", "Zaporizhzhia"),
    "black-sea": ("Чорне море", "Черное море", "Black Sea"),
    "grain": ("зерно", "зерно", "grain"),
    "nbu": ("НБУ", "НБУ", "National Bank"),
    "budget": ("бюджет", "бюджет", "budget"),
    "hryvnia": ("гривня", "гривна", "hryvnia"),
    "corruption": ("корупція", "коррупция", "corruption"),
    "nabu": ("НАБУ", "НАБУ", "NABU"),
    "sanctions": ("санкції", "санкции", "sanctions"),
    "imf": ("МВФ", "МВФ", "IMF"),
    "education": ("освіта", "образование", "education"),
    "medicine": ("медицина", "медицина", "medicine"),
    "culture": ("культура", "культура", "culture"),
    "football": ("футбол", "футбол", "football"),
    "olympics": ("Олімпіада", "Олимпиада", "Olympic Games"),
    "technology": ("технології", "технологии", "technology"),
    "weather": ("погода", "погода", "weather"),
    "railways": ("Укрзалізниця", "Укрзализныця", "Ukrainian Railways"),
    "prisoner-exchange": ("обмін полоненими", "обмен пленными", "prisoner exchange"),
    "reconstruction": ("відбудова", "восстановление", "reconstruction"),
    "mobilisation": ("мобілізація", "мобилизация", "mobilisation"),
    "courts": ("суди", "суды", "courts"),
    "ecology": ("екологія", "экология", "ecology"),
    "cinema": ("кіно", "кино", "cinema"),
    "books": ("книжки", "книги", "books"),
    "science": ("наука", "наука", "science"),
    "crimea": ("Крим", "Крым", "Crimea"),
    "humanitarian-aid": ("гуманітарна допомога", "гуманитарная помощь", "humanitarian aid"),
    "veterans": ("ветерани", "ветераны", "veterans"),
}

# slug: {lang: (name, bio)}
AUTHORS = {
    "oksana-melnyk": ("Оксана Мельник", "Оксана Мельник", "Oksana Melnyk"),
    "andrii-kravets": ("Андрій Кравець", "Андрей Кравец", "Andrii Kravets"),
    "iryna-bondar": ("Ірина Бондар", "Ирина Бондарь", "Iryna Bondar"),
    "taras-savchuk": ("Тарас Савчук", "Тарас Савчук", "Taras Savchuk"),
    "mariia-hnatiuk": ("Марія Гнатюк", "Мария Гнатюк", "Mariia Hnatiuk"),
    "dmytro-levchenko": ("Дмитро Левченко", "Дмитрий Левченко", "Dmytro Levchenko"),
    "yuliia-ostapenko": ("Юлія Остапенко", "Юлия Остапенко", "Yuliia Ostapenko"),
    "bohdan-yaroshenko": ("Богдан Ярошенко", "Богдан Ярошенко", "Bohdan Yaroshenko"),
    "nataliia-rudenko": ("Наталія Руденко", "Наталья Руденко", "Nataliia Rudenko"),
    "oleh-zinchenko": ("Олег Зінченко", "Олег Зинченко", "Oleh Zinchenko"),
    "sofiia-kucher": ("Софія Кучер", "София Кучер", "Sofiia Kucher"),
    "maksym-havryliuk": ("Максим Гаврилюк", "Максим Гаврилюк", "Maksym Havryliuk"),
    "kateryna-shevchuk": ("Катерина Шевчук", "Екатерина Шевчук", "Kateryna Shevchuk"),
    "viktor-panchenko": ("Віктор Панченко", "Виктор Панченко", "Viktor Panchenko"),
}
AUTHOR_BIO = {
    "uk": "Журналістка чи журналіст демонстраційної редакції Shpalta. Пише про {beat}.",
    "ru": "Журналист демонстрационной редакции Shpalta. Пишет о теме «{beat}».",
    "en": "A reporter of the Shpalta demo newsroom, covering {beat}.",
}

# News frames. Each language has: headline, lead, source, quote, speaker, details.
NEWS = [
    {
        "section": "war",
        "tags": ["war", "air-defence", "drones", "shelling"],
        "urgent": True,
        "uk": {
            "headline": "Сили ППО збили {n} дронів над областю, уламки впали {city_loc}",
            "lead": "Уночі протиповітряна оборона знешкодила {n} ударних дронів; уламки пошкодили дах складу {city_loc}, постраждалих немає.",
            "source": "Повідомлення обласної військової адміністрації в Telegram",
            "quote": "Усі служби працювали з першої хвилини тривоги. Прошу не знімати роботу ППО і не публікувати місця падіння уламків.",
            "speaker": "речник обласної військової адміністрації",
            "details": [
                "Тривога в області тривала майже три години. Рятувальники загасили невелику пожежу на території складу ще до світанку.",
                "Комунальні служби вже оглянули сусідні будинки: вибиті вікна будуть закриті плівкою до вечора, а мешканцям видадуть будматеріали.",
            ],
        },
        "ru": {
            "headline": "Силы ПВО сбили {n} дронов над областью, обломки упали {city_loc}",
            "lead": "Ночью противовоздушная оборона обезвредила {n} ударных дронов; обломки повредили крышу склада {city_loc}, пострадавших нет.",
            "source": "Сообщение областной военной администрации в Telegram",
            "quote": "Все службы работали с первой минуты тревоги. Прошу не снимать работу ПВО и не публиковать места падения обломков.",
            "speaker": "представитель областной военной администрации",
            "details": [
                "Тревога в области длилась почти три часа. Спасатели потушили небольшой пожар на территории склада еще до рассвета.",
                "Коммунальные службы уже осмотрели соседние дома: выбитые окна закроют пленкой до вечера, а жителям выдадут стройматериалы.",
            ],
        },
        "en": {
            "headline": "Air defence downs {n} drones over the region; debris falls {city_loc}",
            "lead": "Air defence units destroyed {n} attack drones overnight; falling debris damaged the roof of a warehouse {city_loc}, and no one was hurt.",
            "source": "A statement by the regional military administration on Telegram",
            "quote": "Every service was at work from the first minute of the alert. Please do not film air defence in action or post where debris came down.",
            "speaker": "a spokesperson for the regional military administration",
            "details": [
                "The air-raid alert in the region lasted almost three hours. Rescuers put out a small fire on the warehouse grounds before dawn.",
                "Municipal crews have inspected the neighbouring buildings: broken windows will be sealed with film by evening, and residents will receive building materials.",
            ],
        },
    },
    {
        "section": "economy",
        "tags": ["nbu", "hryvnia", "budget"],
        "uk": {
            "headline": "НБУ залишив облікову ставку без змін і чекає на уповільнення інфляції",
            "lead": "Правління Національного банку вирішило не змінювати облікову ставку; наступний перегляд відбудеться за шість тижнів.",
            "source": "Пресконференція Національного банку",
            "quote": "Ми бачимо, що тиск на ціни слабшає, але ризики для енергетики залишаються високими, тому поспішати зі зниженням ставки не варто.",
            "speaker": "заступниця голови НБУ",
            "details": [
                "За оцінкою регулятора, інфляція наступного року повернеться до однозначних значень, якщо міжнародна допомога надходитиме вчасно.",
                "Банкіри, опитані редакцією, очікують, що ставки за депозитами у гривні найближчими місяцями майже не зміняться.",
            ],
        },
        "ru": {
            "headline": "НБУ оставил учетную ставку без изменений и ждет замедления инфляции",
            "lead": "Правление Национального банка решило не менять учетную ставку; следующий пересмотр состоится через шесть недель.",
            "source": "Пресс-конференция Национального банка",
            "quote": "Мы видим, что давление на цены ослабевает, но риски для энергетики остаются высокими, поэтому спешить со снижением ставки не стоит.",
            "speaker": "заместительница главы НБУ",
            "details": [
                "По оценке регулятора, инфляция в следующем году вернется к однозначным значениям, если международная помощь будет поступать вовремя.",
                "Опрошенные редакцией банкиры ожидают, что ставки по депозитам в гривне в ближайшие месяцы почти не изменятся.",
            ],
        },
        "en": {
            "headline": "National Bank holds its key rate and waits for inflation to slow",
            "lead": "The National Bank's board left the key policy rate unchanged; the next review is due in six weeks.",
            "source": "A National Bank press conference",
            "quote": "Price pressure is easing, but the risks to the energy system remain high, so there is no reason to rush a cut.",
            "speaker": "a deputy governor of the National Bank",
            "details": [
                "The regulator expects inflation to return to single digits next year, provided international support arrives on time.",
                "Bankers we spoke to expect hryvnia deposit rates to stay almost where they are for the next few months.",
            ],
        },
    },
    {
        "section": "politics",
        "tags": ["rada", "budget", "government"],
        "uk": {
            "headline": "Рада ухвалила в першому читанні законопроєкт про підтримку прифронтових громад",
            "lead": "За документ проголосували депутати більшості та частина опозиції; він передбачає {n} нових програм для громад поблизу лінії фронту.",
            "source": "Трансляція пленарного засідання Верховної Ради",
            "quote": "Громадам потрібні не обіцянки, а зрозумілі правила: хто платить за укриття у школах і як швидко приходять гроші.",
            "speaker": "голова профільного комітету",
            "details": [
                "До другого читання депутати пообіцяли уточнити, як розподілятимуть кошти між областями та хто звітуватиме за їх використання.",
                "Представники місцевого самоврядування попросили додати окремий рядок на ремонт водогонів і котелень.",
            ],
        },
        "ru": {
            "headline": "Рада приняла в первом чтении законопроект о поддержке прифронтовых общин",
            "lead": "За документ проголосовали депутаты большинства и часть оппозиции; он предусматривает {n} новых программ для общин вблизи линии фронта.",
            "source": "Трансляция пленарного заседания Верховной Рады",
            "quote": "Общинам нужны не обещания, а понятные правила: кто платит за укрытия в школах и как быстро приходят деньги.",
            "speaker": "глава профильного комитета",
            "details": [
                "Ко второму чтению депутаты пообещали уточнить, как будут распределять средства между областями и кто будет отчитываться за их использование.",
                "Представители местного самоуправления попросили добавить отдельную строку на ремонт водопроводов и котельных.",
            ],
        },
        "en": {
            "headline": "Parliament passes first reading of a bill to support frontline communities",
            "lead": "The bill passed with votes from the majority and part of the opposition; it sets up {n} new programmes for communities near the front line.",
            "source": "The live broadcast of the Verkhovna Rada's plenary session",
            "quote": "Communities need clear rules, not promises: who pays for shelters in schools, and how fast the money arrives.",
            "speaker": "the chair of the parliamentary committee",
            "details": [
                "Before the second reading, MPs promised to spell out how funds will be divided between regions and who will report on their use.",
                "Local government representatives asked for a separate budget line for repairs to water mains and boiler houses.",
            ],
        },
    },
    {
        "section": "world",
        "tags": ["nato", "usa", "eu", "air-defence"],
        "uk": {
            "headline": "Союзники по НАТО домовилися про нові поставки систем ППО для України",
            "lead": "Міністри оборони країн Альянсу погодили пакет, до якого увійдуть {n} пускових установок і ракети до них.",
            "source": "Брифінг після зустрічі міністрів оборони НАТО в Брюсселі",
            "quote": "Кожна система, яку ми передаємо сьогодні, захищає лікарні та школи вже цієї зими.",
            "speaker": "високопосадовець НАТО, який говорив на умовах анонімності",
            "details": [
                "Частину систем передадуть зі складів, частину замовлять у виробників за кошти спільного фонду.",
                "Українська делегація попросила пришвидшити навчання екіпажів, щоб нові установки стали на чергування до кінця сезону.",
            ],
        },
        "ru": {
            "headline": "Союзники по НАТО договорились о новых поставках систем ПВО для Украины",
            "lead": "Министры обороны стран Альянса согласовали пакет, в который войдут {n} пусковых установок и ракеты к ним.",
            "source": "Брифинг после встречи министров обороны НАТО в Брюсселе",
            "quote": "Каждая система, которую мы передаем сегодня, защищает больницы и школы уже этой зимой.",
            "speaker": "высокопоставленный представитель НАТО, говоривший на условиях анонимности",
            "details": [
                "Часть систем передадут со складов, часть закажут у производителей за средства общего фонда.",
                "Украинская делегация попросила ускорить обучение экипажей, чтобы новые установки заступили на дежурство до конца сезона.",
            ],
        },
        "en": {
            "headline": "NATO allies agree new air defence deliveries for Ukraine",
            "lead": "Alliance defence ministers approved a package that includes {n} launchers and missiles for them.",
            "source": "A briefing after the meeting of NATO defence ministers in Brussels",
            "quote": "Every system we hand over today protects hospitals and schools this very winter.",
            "speaker": "a senior NATO official who spoke on condition of anonymity",
            "details": [
                "Some systems will come from existing stocks; others will be ordered from manufacturers with money from a joint fund.",
                "The Ukrainian delegation asked for crew training to be sped up so the new launchers can go on duty before the season ends.",
            ],
        },
    },
    {
        "section": "society",
        "tags": ["railways", "humanitarian-aid"],
        "uk": {
            "headline": "Укрзалізниця призначила {n} додаткових поїздів на свята",
            "lead": "Перевізник додав рейси з {city} до західних областей і пообіцяв відкрити продаж квитків уже цього тижня.",
            "source": "Повідомлення пресслужби Укрзалізниці",
            "quote": "Ми бачимо попит і ставимо вагони туди, де люди найчастіше не можуть купити квиток.",
            "speaker": "директор пасажирської компанії",
            "details": [
                "Квитки на нові рейси продаватимуть у застосунку та в касах; для людей з інвалідністю залишать окрему квоту місць.",
                "У компанії нагадали, що під час тривоги поїзди можуть затримуватися, а вокзали мають укриття для пасажирів.",
            ],
        },
        "ru": {
            "headline": "Укрзализныця назначила {n} дополнительных поездов на праздники",
            "lead": "Перевозчик добавил рейсы из города {city} в западные области и пообещал открыть продажу билетов уже на этой неделе.",
            "source": "Сообщение пресс-службы Укрзализныци",
            "quote": "Мы видим спрос и ставим вагоны туда, где люди чаще всего не могут купить билет.",
            "speaker": "директор пассажирской компании",
            "details": [
                "Билеты на новые рейсы будут продавать в приложении и в кассах; для людей с инвалидностью оставят отдельную квоту мест.",
                "В компании напомнили, что во время тревоги поезда могут задерживаться, а вокзалы оборудованы укрытиями для пассажиров.",
            ],
        },
        "en": {
            "headline": "Ukrainian Railways adds {n} extra trains for the holidays",
            "lead": "The carrier added services from {city} to the western regions and promised to open ticket sales this week.",
            "source": "A statement by the Ukrainian Railways press office",
            "quote": "We can see the demand, and we are putting carriages where people most often fail to get a ticket.",
            "speaker": "the director of the passenger company",
            "details": [
                "Tickets for the new services will be sold in the app and at ticket offices, with a separate quota of seats for people with disabilities.",
                "The company reminded passengers that trains may be delayed during air-raid alerts and that stations have shelters.",
            ],
        },
    },
    {
        "section": "regions",
        "tags": ["energy", "weather", "reconstruction"],
        "uk": {
            "headline": "Енергетики відновили живлення для {n} тисяч родин {city_loc}",
            "lead": "Після нічної аварії на підстанції ремонтні бригади повернули світло більшості споживачів; графіки відключень на вечір скасовано.",
            "source": "Оператор системи розподілу",
            "quote": "Бригади працювали без перерви всю ніч. Просимо ввечері не вмикати одночасно потужні прилади.",
            "speaker": "керівник обласного енергопостачальника",
            "details": [
                "Причиною аварії стало пошкодження обладнання, якому понад сорок років; його заміну планували ще на весну.",
                "У мерії нагадали адреси пунктів незламності, де можна зарядити телефон і зігрітися.",
            ],
        },
        "ru": {
            "headline": "Энергетики восстановили электроснабжение для {n} тысяч семей {city_loc}",
            "lead": "После ночной аварии на подстанции ремонтные бригады вернули свет большинству потребителей; графики отключений на вечер отменены.",
            "source": "Оператор системы распределения",
            "quote": "Бригады работали без перерыва всю ночь. Просим вечером не включать одновременно мощные приборы.",
            "speaker": "руководитель областного энергоснабжающего предприятия",
            "details": [
                "Причиной аварии стало повреждение оборудования, которому больше сорока лет; его замену планировали еще на весну.",
                "В мэрии напомнили адреса пунктов несокрушимости, где можно зарядить телефон и согреться.",
            ],
        },
        "en": {
            "headline": "Power restored to {n} thousand households {city_loc}",
            "lead": "Repair crews brought electricity back to most customers after an overnight failure at a substation; evening outage schedules are cancelled.",
            "source": "The regional distribution system operator",
            "quote": "The crews worked through the night. Please avoid switching on several powerful appliances at once this evening.",
            "speaker": "the head of the regional power distributor",
            "details": [
                "The failure was caused by equipment more than forty years old, whose replacement had been planned for the spring.",
                "City hall reminded residents where the heating and charging points are.",
            ],
        },
    },
    {
        "section": "politics",
        "tags": ["corruption", "nabu", "courts"],
        "uk": {
            "headline": "НАБУ повідомило про підозру посадовцю, який закуповував генератори для {city}",
            "lead": "За версією слідства, генератори для лікарень купили за цінами, завищеними на {n} відсотків.",
            "source": "Повідомлення Національного антикорупційного бюро",
            "quote": "Ми простежили весь ланцюжок: від тендерних умов до фірми, через яку виводили різницю.",
            "speaker": "детектив НАБУ",
            "details": [
                "Посадовцю загрожує до дванадцяти років позбавлення волі. Його захист заявив, що оскаржить підозру.",
                "Громадські організації, які першими помітили дивні ціни, закликали перевірити й інші закупівлі того ж управління.",
            ],
        },
        "ru": {
            "headline": "НАБУ сообщило о подозрении чиновнику, закупавшему генераторы для города {city}",
            "lead": "По версии следствия, генераторы для больниц купили по ценам, завышенным на {n} процентов.",
            "source": "Сообщение Национального антикоррупционного бюро",
            "quote": "Мы проследили всю цепочку: от тендерных условий до фирмы, через которую выводили разницу.",
            "speaker": "детектив НАБУ",
            "details": [
                "Чиновнику грозит до двенадцати лет лишения свободы. Его защита заявила, что обжалует подозрение.",
                "Общественные организации, которые первыми заметили странные цены, призвали проверить и другие закупки того же управления.",
            ],
        },
        "en": {
            "headline": "NABU names an official who bought generators for {city} as a suspect",
            "lead": "Investigators say generators for hospitals were bought at prices inflated by {n} per cent.",
            "source": "A statement by the National Anti-Corruption Bureau",
            "quote": "We traced the whole chain, from the tender conditions to the company that siphoned off the difference.",
            "speaker": "a NABU detective",
            "details": [
                "The official faces up to twelve years in prison. His lawyers said they would challenge the notice of suspicion.",
                "The watchdog groups that first flagged the prices urged checks of the department's other purchases.",
            ],
        },
    },
    {
        "section": "economy",
        "tags": ["grain", "black-sea", "odesa"],
        "uk": {
            "headline": "Порти Великої Одеси за тиждень відправили {n} суден із зерном",
            "lead": "Морський коридор працює попри атаки на портову інфраструктуру; більшість вантажів іде до Єгипту, Іспанії та Туреччини.",
            "source": "Дані Міністерства розвитку громад і територій",
            "quote": "Страхові ставки знизилися, і судновласники повертаються. Це найкращий аргумент, що коридор працює.",
            "speaker": "заступник міністра",
            "details": [
                "Найбільше відвантажили кукурудзи та пшениці; частка олії й шроту поступово зростає.",
                "Аграрії нагадують, що вартість перевезення до порту досі з'їдає значну частину їхнього прибутку.",
            ],
        },
        "ru": {
            "headline": "Порты Большой Одессы за неделю отправили {n} судов с зерном",
            "lead": "Морской коридор работает несмотря на атаки на портовую инфраструктуру; большая часть грузов идет в Египет, Испанию и Турцию.",
            "source": "Данные Министерства развития общин и территорий",
            "quote": "Страховые ставки снизились, и судовладельцы возвращаются. Это лучший аргумент, что коридор работает.",
            "speaker": "заместитель министра",
            "details": [
                "Больше всего отгрузили кукурузы и пшеницы; доля масла и шрота постепенно растет.",
                "Аграрии напоминают, что стоимость доставки в порт до сих пор съедает значительную часть их прибыли.",
            ],
        },
        "en": {
            "headline": "Greater Odesa ports ship {n} grain vessels in a week",
            "lead": "The maritime corridor keeps working despite attacks on port infrastructure; most cargo goes to Egypt, Spain and Turkey.",
            "source": "Figures from the Ministry for Development of Communities and Territories",
            "quote": "Insurance rates have come down and shipowners are coming back. That is the best proof the corridor works.",
            "speaker": "a deputy minister",
            "details": [
                "Maize and wheat made up most of the shipments; the share of sunflower oil and meal is slowly growing.",
                "Farmers point out that the cost of getting grain to the port still eats a large part of their profit.",
            ],
        },
    },
    {
        "section": "health",
        "tags": ["medicine", "humanitarian-aid"],
        "uk": {
            "headline": "Лікарня {city_loc} отримала {n} апаратів для реабілітації поранених",
            "lead": "Обладнання передали благодійники з Польщі та Литви; перші пацієнти почнуть заняття вже наступного тижня.",
            "source": "Повідомлення обласного управління охорони здоров'я",
            "quote": "Раніше люди чекали на реабілітацію місяцями або їхали за сотні кілометрів. Тепер це можна робити вдома.",
            "speaker": "головна лікарка реабілітаційного центру",
            "details": [
                "Фізичні терапевти центру пройшли навчання за кордоном і відкриють денний стаціонар для ветеранів.",
                "Записатися можна через сімейного лікаря; черговість визначатимуть за медичними показаннями.",
            ],
        },
        "ru": {
            "headline": "Больница {city_loc} получила {n} аппаратов для реабилитации раненых",
            "lead": "Оборудование передали благотворители из Польши и Литвы; первые пациенты начнут занятия уже на следующей неделе.",
            "source": "Сообщение областного управления здравоохранения",
            "quote": "Раньше люди ждали реабилитации месяцами или ехали за сотни километров. Теперь это можно делать дома.",
            "speaker": "главврач реабилитационного центра",
            "details": [
                "Физические терапевты центра прошли обучение за рубежом и откроют дневной стационар для ветеранов.",
                "Записаться можно через семейного врача; очередность будут определять по медицинским показаниям.",
            ],
        },
        "en": {
            "headline": "Hospital {city_loc} receives {n} rehabilitation machines for the wounded",
            "lead": "Donors from Poland and Lithuania gave the equipment; the first patients start sessions next week.",
            "source": "A statement by the regional health department",
            "quote": "People used to wait months for rehabilitation or travel hundreds of kilometres. Now it can be done at home.",
            "speaker": "the chief physician of the rehabilitation centre",
            "details": [
                "The centre's physiotherapists trained abroad and will open a day clinic for veterans.",
                "Patients are referred by their family doctor, and the order of treatment follows medical need.",
            ],
        },
    },
    {
        "section": "culture",
        "tags": ["culture", "books", "cinema"],
        "uk": {
            "headline": "{city} приймає книжковий фестиваль: {n} видавництв і зустрічі в укриттях",
            "lead": "Організатори перенесли частину подій у підземні зали, щоб тривоги не зривали програму.",
            "source": "Організатори фестивалю",
            "quote": "Ми хотіли, щоб читачі не вибирали між безпекою і книжками. Тож зробили так, щоб одне не заважало іншому.",
            "speaker": "директорка фестивалю",
            "details": [
                "У програмі — презентації нових романів, дискусії про переклад і окремий день для дитячих видавництв.",
                "Частину виторгу учасники передадуть на відновлення сільських бібліотек у звільнених громадах.",
            ],
        },
        "ru": {
            "headline": "{city} принимает книжный фестиваль: {n} издательств и встречи в укрытиях",
            "lead": "Организаторы перенесли часть событий в подземные залы, чтобы тревоги не срывали программу.",
            "source": "Организаторы фестиваля",
            "quote": "Мы хотели, чтобы читателям не пришлось выбирать между безопасностью и книгами. Поэтому сделали так, чтобы одно не мешало другому.",
            "speaker": "директор фестиваля",
            "details": [
                "В программе — презентации новых романов, дискуссии о переводе и отдельный день для детских издательств.",
                "Часть выручки участники передадут на восстановление сельских библиотек в освобожденных общинах.",
            ],
        },
        "en": {
            "headline": "{city} hosts a book festival: {n} publishers and events in shelters",
            "lead": "Organisers moved part of the programme into underground halls so that air-raid alerts would not cut it short.",
            "source": "The festival organisers",
            "quote": "We did not want readers to choose between safety and books, so we made sure one does not get in the way of the other.",
            "speaker": "the festival director",
            "details": [
                "The programme includes launches of new novels, debates on translation and a day for children's publishers.",
                "Part of the takings will go towards rebuilding village libraries in liberated communities.",
            ],
        },
    },
    {
        "section": "sport",
        "tags": ["football", "olympics"],
        "uk": {
            "headline": "Футбольний клуб із {city} переміг у виїзному матчі з рахунком 2:1",
            "lead": "Вирішальний гол забили на {n}-й хвилині другого тайму; команда піднялася на третє місце в таблиці.",
            "source": "Протокол матчу на сайті ліги",
            "quote": "Хлопці грали для людей, які дивилися матч в укриттях. Цю перемогу ми присвячуємо їм.",
            "speaker": "головний тренер команди",
            "details": [
                "Гра була перервана на сорок хвилин через повітряну тривогу, після чого команди повернулися на поле.",
                "Наступний матч клуб проведе вдома; квитки продаватимуть лише онлайн.",
            ],
        },
        "ru": {
            "headline": "Футбольный клуб из города {city} победил в выездном матче со счетом 2:1",
            "lead": "Решающий гол забили на {n}-й минуте второго тайма; команда поднялась на третье место в таблице.",
            "source": "Протокол матча на сайте лиги",
            "quote": "Ребята играли для людей, которые смотрели матч в укрытиях. Эту победу мы посвящаем им.",
            "speaker": "главный тренер команды",
            "details": [
                "Игра была прервана на сорок минут из-за воздушной тревоги, после чего команды вернулись на поле.",
                "Следующий матч клуб проведет дома; билеты будут продавать только онлайн.",
            ],
        },
        "en": {
            "headline": "Football club from {city} wins 2-1 away",
            "lead": "The winner came in the {n}th minute of the second half, lifting the team to third in the table.",
            "source": "The match report on the league's website",
            "quote": "The lads played for the people watching from shelters. This win is for them.",
            "speaker": "the team's head coach",
            "details": [
                "The game was halted for forty minutes during an air-raid alert before the teams returned to the pitch.",
                "The club's next match is at home, with tickets sold online only.",
            ],
        },
    },
    {
        "section": "technology",
        "tags": ["technology", "drones", "science"],
        "uk": {
            "headline": "Українські інженери показали дрон-розвідник, що літає {n} годин без підзарядки",
            "lead": "Розробку стартапу з {city} уже випробували військові; серійне виробництво обіцяють почати навесні.",
            "source": "Презентація стартапу для журналістів",
            "quote": "Ми зробили апарат, який можна зібрати в польових умовах за пів години без жодного спеціального інструмента.",
            "speaker": "співзасновник компанії",
            "details": [
                "Корпус виготовлено з композиту місцевого виробництва, а електроніку — з компонентів, які не залежать від постачань з Китаю.",
                "Компанія шукає інвесторів, щоб збільшити виробництво вдесятеро.",
            ],
        },
        "ru": {
            "headline": "Украинские инженеры показали дрон-разведчик, который летает {n} часов без подзарядки",
            "lead": "Разработку стартапа из города {city} уже испытали военные; серийное производство обещают начать весной.",
            "source": "Презентация стартапа для журналистов",
            "quote": "Мы сделали аппарат, который можно собрать в полевых условиях за полчаса без какого-либо специального инструмента.",
            "speaker": "сооснователь компании",
            "details": [
                "Корпус изготовлен из композита местного производства, а электроника — из компонентов, не зависящих от поставок из Китая.",
                "Компания ищет инвесторов, чтобы увеличить производство в десять раз.",
            ],
        },
        "en": {
            "headline": "Ukrainian engineers unveil a scout drone that flies for {n} hours on one charge",
            "lead": "The military has already tested the start-up's design from {city}; serial production is promised for the spring.",
            "source": "The start-up's presentation to journalists",
            "quote": "We built an aircraft you can assemble in the field in half an hour without any special tools.",
            "speaker": "the company's co-founder",
            "details": [
                "The airframe is made of a locally produced composite, and the electronics do not depend on supplies from China.",
                "The company is looking for investors to increase production tenfold.",
            ],
        },
    },
    {
        "section": "war",
        "tags": ["prisoner-exchange", "war", "russia"],
        "urgent": True,
        "uk": {
            "headline": "Україна повернула з полону ще {n} захисників",
            "lead": "Обмін відбувся за посередництва партнерів; серед звільнених — військові, які обороняли узбережжя, і двоє цивільних.",
            "source": "Координаційний штаб з питань поводження з військовополоненими",
            "quote": "Кожен обмін готується тижнями. Ми не зупинимося, доки не повернемо всіх.",
            "speaker": "представник Координаційного штабу",
            "details": [
                "Звільнених доправили до лікарні, де вони пройдуть обстеження та отримають психологічну допомогу.",
                "Родини, які досі шукають рідних, просять звертатися до штабу через офіційну гарячу лінію.",
            ],
        },
        "ru": {
            "headline": "Украина вернула из плена еще {n} защитников",
            "lead": "Обмен состоялся при посредничестве партнеров; среди освобожденных — военные, оборонявшие побережье, и двое гражданских.",
            "source": "Координационный штаб по вопросам обращения с военнопленными",
            "quote": "Каждый обмен готовится неделями. Мы не остановимся, пока не вернем всех.",
            "speaker": "представитель Координационного штаба",
            "details": [
                "Освобожденных доставили в больницу, где они пройдут обследование и получат психологическую помощь.",
                "Семьи, которые до сих пор ищут родных, просят обращаться в штаб через официальную горячую линию.",
            ],
        },
        "en": {
            "headline": "Ukraine brings home {n} more prisoners of war",
            "lead": "The exchange was mediated by partners; those freed include soldiers who defended the coast and two civilians.",
            "source": "The Coordination Headquarters for the Treatment of Prisoners of War",
            "quote": "Every exchange takes weeks to prepare. We will not stop until everyone is home.",
            "speaker": "a representative of the Coordination Headquarters",
            "details": [
                "Those freed were taken to hospital for check-ups and psychological support.",
                "Families still searching for relatives are asked to contact the headquarters through its official hotline.",
            ],
        },
    },
    {
        "section": "society",
        "tags": ["education", "kyiv"],
        "uk": {
            "headline": "{n} шкіл {city_loc} перейдуть на змішане навчання після канікул",
            "lead": "Міська рада пояснила рішення тим, що не всі укриття вміщують усіх учнів одночасно.",
            "source": "Рішення виконавчого комітету міської ради",
            "quote": "Діти мають учитися в класі, а не перед екраном. Але спершу ми мусимо гарантувати, що кожен учень має місце в укритті.",
            "speaker": "директорка департаменту освіти",
            "details": [
                "Школи складуть розклад так, щоб молодші класи навчалися очно щодня, а старші — за змінами.",
                "Місто обіцяє завершити облаштування ще {n} укриттів до кінця зими.",
            ],
        },
        "ru": {
            "headline": "{n} школ {city_loc} перейдут на смешанное обучение после каникул",
            "lead": "Городской совет объяснил решение тем, что не все укрытия вмещают всех учеников одновременно.",
            "source": "Решение исполнительного комитета городского совета",
            "quote": "Дети должны учиться в классе, а не перед экраном. Но сначала мы обязаны гарантировать, что у каждого ученика есть место в укрытии.",
            "speaker": "директор департамента образования",
            "details": [
                "Школы составят расписание так, чтобы младшие классы учились очно каждый день, а старшие — посменно.",
                "Город обещает завершить обустройство еще {n} укрытий до конца зимы.",
            ],
        },
        "en": {
            "headline": "{n} schools {city_loc} to switch to blended learning after the holidays",
            "lead": "The city council said not every shelter can hold all pupils at the same time.",
            "source": "A decision of the city council's executive committee",
            "quote": "Children should learn in a classroom, not in front of a screen. But first we must guarantee every pupil a place in a shelter.",
            "speaker": "the head of the city's education department",
            "details": [
                "Schools will plan timetables so that younger classes attend in person every day and older ones in shifts.",
                "The city promises to finish fitting out another {n} shelters by the end of winter.",
            ],
        },
    },
]

# Long reads: one frame per kind, three paragraphs of body each.
LONG_READS = [
    {
        "kind": "article",
        "section": "economy",
        "tags": ["reconstruction", "energy", "budget"],
        "uk": {
            "headline": "Місто, яке вчиться жити з автономною енергетикою: досвід {city}",
            "lead": "Після кількох зим з відключеннями {city} будує мережу малих котелень і сонячних станцій. Ми розібралися, скільки це коштує і хто за це платить.",
            "paragraphs": [
                "Перші модульні котельні з'явилися біля лікарень, потім — біля шкіл. Тепер кожен район має резервне джерело тепла, яке можна запустити за лічені години.",
                "Гроші на проєкт надійшли від міжнародних партнерів, але обслуговувати обладнання місту доведеться самому. Економісти радять закладати ці витрати в тарифи вже зараз.",
                "Мешканці, з якими ми поговорили, кажуть, що головна зміна — не в трубах, а в довірі: люди знають, куди йти, якщо світло зникне надовго.",
            ],
        },
        "ru": {
            "headline": "Город, который учится жить с автономной энергетикой: опыт города {city}",
            "lead": "После нескольких зим с отключениями {city} строит сеть малых котельных и солнечных станций. Мы разобрались, сколько это стоит и кто за это платит.",
            "paragraphs": [
                "Первые модульные котельные появились возле больниц, затем — возле школ. Теперь в каждом районе есть резервный источник тепла, который можно запустить за считанные часы.",
                "Деньги на проект поступили от международных партнеров, но обслуживать оборудование городу придется самому. Экономисты советуют закладывать эти расходы в тарифы уже сейчас.",
                "Жители, с которыми мы поговорили, говорят, что главное изменение — не в трубах, а в доверии: люди знают, куда идти, если свет пропадет надолго.",
            ],
        },
        "en": {
            "headline": "A city learning to live on its own power: what {city} has done",
            "lead": "After several winters of blackouts, {city} is building a network of small boiler houses and solar plants. We looked at what it costs and who pays.",
            "paragraphs": [
                "The first modular boiler houses went up next to hospitals, then next to schools. Every district now has a backup heat source that can be started within hours.",
                "International partners paid for the project, but the city will have to maintain the equipment itself. Economists advise building that cost into tariffs now.",
                "Residents we spoke to say the biggest change is not in the pipes but in trust: people know where to go if the power is out for long.",
            ],
        },
    },
    {
        "kind": "column",
        "section": "politics",
        "tags": ["eu", "sanctions", "russia"],
        "uk": {
            "headline": "Санкції працюють повільно. Саме тому їх не можна послаблювати",
            "lead": "Кожен новий пакет обмежень виглядає скромно, але разом вони звужують простір для маневру агресора. Колонка про терпіння, якого бракує політикам.",
            "paragraphs": [
                "Від санкцій чекають миттєвого ефекту, як від удару. Насправді вони діють як ерозія: непомітно, рік за роком, вимиваючи технології, кредити і ринки.",
                "Найслабше місце — не самі рішення, а їх виконання. Поки компанії в третіх країнах безкарно перепродають заборонені товари, санкції залишаються решетом.",
                "Європі варто менше говорити про нові пакети і більше — про тих, хто порушує вже ухвалені. Це менш ефектно, зате значно дієвіше.",
            ],
        },
        "ru": {
            "headline": "Санкции работают медленно. Именно поэтому их нельзя ослаблять",
            "lead": "Каждый новый пакет ограничений выглядит скромно, но вместе они сужают пространство для маневра агрессора. Колонка о терпении, которого не хватает политикам.",
            "paragraphs": [
                "От санкций ждут мгновенного эффекта, как от удара. На самом деле они действуют как эрозия: незаметно, год за годом, вымывая технологии, кредиты и рынки.",
                "Самое слабое место — не сами решения, а их исполнение. Пока компании в третьих странах безнаказанно перепродают запрещенные товары, санкции остаются решетом.",
                "Европе стоит меньше говорить о новых пакетах и больше — о тех, кто нарушает уже принятые. Это менее эффектно, зато гораздо действеннее.",
            ],
        },
        "en": {
            "headline": "Sanctions work slowly. That is exactly why they must not be eased",
            "lead": "Each new package of restrictions looks modest, but together they narrow the aggressor's room for manoeuvre. A column about the patience politicians lack.",
            "paragraphs": [
                "People expect sanctions to land like a blow. In fact they work like erosion: quietly, year after year, washing away technology, credit and markets.",
                "The weak point is not the decisions but their enforcement. As long as firms in third countries resell banned goods with impunity, sanctions stay a sieve.",
                "Europe should talk less about new packages and more about those breaking the ones already in force. It is less spectacular and far more effective.",
            ],
        },
    },
    {
        "kind": "interview",
        "section": "society",
        "tags": ["veterans", "medicine"],
        "uk": {
            "headline": "«Ветеран не пацієнт, а колега»: інтерв'ю з керівницею центру адаптації {city_loc}",
            "lead": "Центр, що відкрився торік, уже допоміг сотням ветеранів знайти роботу. Ми поговорили з його керівницею про те, чого бракує державі й роботодавцям.",
            "paragraphs": [
                "— З чим до вас приходять найчастіше? — Не з травмами, як думають. Найчастіше з питанням: що я тепер умію і кому це потрібно.",
                "— Чи готові роботодавці? — Частина готова, але боїться помилитися. Ми проводимо для них короткі курси, і після них страх зникає.",
                "— Чого бракує? — Простих правил. Ветеран не повинен збирати двадцять довідок, щоб отримати послугу, яку держава вже пообіцяла.",
            ],
        },
        "ru": {
            "headline": "«Ветеран не пациент, а коллега»: интервью с руководительницей центра адаптации {city_loc}",
            "lead": "Центр, открывшийся в прошлом году, уже помог сотням ветеранов найти работу. Мы поговорили с его руководительницей о том, чего не хватает государству и работодателям.",
            "paragraphs": [
                "— С чем к вам приходят чаще всего? — Не с травмами, как думают. Чаще всего с вопросом: что я теперь умею и кому это нужно.",
                "— Готовы ли работодатели? — Часть готова, но боится ошибиться. Мы проводим для них короткие курсы, и после них страх исчезает.",
                "— Чего не хватает? — Простых правил. Ветеран не должен собирать двадцать справок, чтобы получить услугу, которую государство уже пообещало.",
            ],
        },
        "en": {
            "headline": "'A veteran is a colleague, not a patient': an interview with the head of an adaptation centre {city_loc}",
            "lead": "The centre opened last year and has already helped hundreds of veterans find work. We asked its head what the state and employers are still missing.",
            "paragraphs": [
                "— What do people come to you with most often? — Not injuries, as many think. Most often the question is: what can I do now, and who needs it?",
                "— Are employers ready? — Some are, but they are afraid of getting it wrong. We run short courses for them, and the fear goes away.",
                "— What is missing? — Simple rules. A veteran should not have to collect twenty certificates to get a service the state has already promised.",
            ],
        },
    },
    {
        "kind": "explainer",
        "section": "economy",
        "tags": ["imf", "budget", "hryvnia"],
        "label": "explainer",
        "uk": {
            "headline": "Що означає нова програма МВФ для України: пояснюємо простими словами",
            "lead": "Фонд погодив черговий перегляд програми. Розповідаємо, які умови взяла на себе Україна, коли прийдуть гроші і як це позначиться на гаманцях.",
            "paragraphs": [
                "Програма МВФ — це не лише кредит, а й сигнал іншим донорам: якщо фонд задоволений реформами, легше отримати гроші від Євросоюзу та окремих країн.",
                "Взамін уряд зобов'язався підвищувати податкові надходження і не запроваджувати нових пільг. Саме ці умови найчастіше викликають суперечки в парламенті.",
                "Для звичайних людей головне — стабільна гривня і вчасні виплати пенсій та зарплат бюджетникам, які значною мірою залежать від міжнародного фінансування.",
            ],
        },
        "ru": {
            "headline": "Что означает новая программа МВФ для Украины: объясняем простыми словами",
            "lead": "Фонд одобрил очередной пересмотр программы. Рассказываем, какие условия взяла на себя Украина, когда придут деньги и как это отразится на кошельках.",
            "paragraphs": [
                "Программа МВФ — это не только кредит, но и сигнал другим донорам: если фонд доволен реформами, легче получить деньги от Евросоюза и отдельных стран.",
                "Взамен правительство обязалось повышать налоговые поступления и не вводить новых льгот. Именно эти условия чаще всего вызывают споры в парламенте.",
                "Для обычных людей главное — стабильная гривна и своевременные выплаты пенсий и зарплат бюджетникам, которые во многом зависят от международного финансирования.",
            ],
        },
        "en": {
            "headline": "What the new IMF programme means for Ukraine, explained",
            "lead": "The Fund has approved another review of the programme. Here is what Ukraine has promised, when the money arrives and what it means for household budgets.",
            "paragraphs": [
                "An IMF programme is not only a loan but a signal to other donors: when the Fund is satisfied with reforms, money from the EU and individual countries comes more easily.",
                "In return the government has committed to raising tax revenue and not introducing new exemptions. Those conditions are what most often divides parliament.",
                "For ordinary people what matters is a stable hryvnia and pensions and public-sector salaries paid on time, which rely heavily on international funding.",
            ],
        },
    },
]

OUTLETS = ["Reuters", "Укрінформ", "Суспільне", "BBC", "Deutsche Welle", "Європейська правда"]

BACKGROUND_LINE = {
    "uk": "Раніше ми писали: {headline}",
    "ru": "Ранее мы писали: {headline}",
    "en": "Earlier we reported: {headline}",
}

IMAGE_CAPTIONS = {
    "uk": "Ілюстрація демонстраційної редакції",
    "ru": "Иллюстрация демонстрационной редакции",
    "en": "An illustration by the demo newsroom",
}
IMAGE_CREDITS = ["Shpalta / demo", "Photo desk / demo", "Shpalta graphics"]

# The demo's house advertisement: the outlet asking its readers for support.
HOUSE_AD = {
    "uk": "Підтримайте незалежну журналістику",
    "ru": "Поддержите независимую журналистику",
    "en": "Support independent journalism",
}

# Corrections of some demo stories, in each edition (written for the demo; they fit any story).
CORRECTIONS = {
    "uk": [
        "У попередній версії цього матеріалу було неправильно вказано час заяви: її зробили вранці, а не ввечері.",
        "У попередній версії цитату помилково приписали іншій посадовій особі. Текст виправлено.",
        "Попередня версія неточно називала число в заголовку; тепер цифра правильна.",
    ],
    "ru": [
        "В предыдущей версии этого материала было неверно указано время заявления: его сделали утром, а не вечером.",
        "В предыдущей версии цитата по ошибке была приписана другому должностному лицу. Текст исправлен.",
        "Предыдущая версия неточно называла число в заголовке; теперь цифра верная.",
    ],
    "en": [
        "An earlier version of this story gave the wrong time of the statement: it was made in the morning, not in the evening.",
        "An earlier version of this story attributed a quote to the wrong official. The text has been corrected.",
        "An earlier version of this story gave an inaccurate figure in the headline; the figure is now correct.",
    ],
}

# A running live blog, in each edition: (minutes before now, headline or "", text).
LIVE_BLOG = {
    "uk": {
        "headline": "Масована атака на енергосистему: онлайн",
        "lead": "Ворог уночі атакував енергетичні об'єкти в кількох областях. Стежимо за наслідками, роботою ремонтників і графіками відключень.",
    },
    "ru": {
        "headline": "Массированная атака на энергосистему: онлайн",
        "lead": "Ночью враг атаковал энергетические объекты в нескольких областях. Следим за последствиями, работой ремонтников и графиками отключений.",
    },
    "en": {
        "headline": "Massive attack on the power grid: live",
        "lead": "Overnight strikes hit energy facilities in several regions. We follow the damage, the repair crews and the outage schedules.",
    },
}
LIVE_ENTRIES = [
    (
        600,
        {
            "uk": (
                "Тривога по всій країні",
                "Повітряну тривогу оголошено в усіх областях. Моніторингові канали повідомляють про групи ударних дронів з півдня.",
            ),
            "ru": (
                "Тревога по всей стране",
                "Воздушная тревога объявлена во всех областях. Мониторинговые каналы сообщают о группах ударных дронов с юга.",
            ),
            "en": (
                "Nationwide air-raid alert",
                "An air-raid alert covers every region. Monitoring channels report groups of attack drones approaching from the south.",
            ),
        },
    ),
    (
        585,
        {
            "uk": ("", "ППО працює в центральних областях. Просимо залишатися в укриттях."),
            "ru": ("", "ПВО работает в центральных областях. Просим оставаться в укрытиях."),
            "en": ("", "Air defence is active over the central regions. Please stay in shelters."),
        },
    ),
    (
        570,
        {
            "uk": ("", "Повідомляють про вибухи в кількох обласних центрах; деталі уточнюємо."),
            "ru": ("", "Сообщается о взрывах в нескольких областных центрах; детали уточняем."),
            "en": (
                "",
                "Explosions are reported in several regional centres; we are checking the details.",
            ),
        },
    ),
    (
        555,
        {
            "uk": (
                "Ракети в повітрі",
                "Повітряні сили попереджають про пуски крилатих ракет зі стратегічних бомбардувальників.",
            ),
            "ru": (
                "Ракеты в воздухе",
                "Воздушные силы предупреждают о пусках крылатых ракет со стратегических бомбардировщиков.",
            ),
            "en": (
                "Missiles in the air",
                "The air force warns of cruise missiles launched from strategic bombers.",
            ),
        },
    ),
    (
        540,
        {
            "uk": (
                "",
                "В одному з міст на заході знеструмлено частину районів після влучання в підстанцію.",
            ),
            "ru": (
                "",
                "В одном из городов на западе обесточена часть районов после попадания в подстанцию.",
            ),
            "en": ("", "Part of a western city has lost power after a substation was hit."),
        },
    ),
    (
        520,
        {
            "uk": ("", "Метро в столиці працює як укриття; поїзди на відкритих ділянках зупинено."),
            "ru": (
                "",
                "Метро в столице работает как укрытие; поезда на открытых участках остановлены.",
            ),
            "en": (
                "",
                "The capital's metro is serving as a shelter; trains on open-air sections have stopped.",
            ),
        },
    ),
    (
        500,
        {
            "uk": (
                "Головне: пошкоджено ТЕС",
                "Енергетична компанія підтвердила пошкодження обладнання на теплоелектростанції. Персонал не постраждав.",
            ),
            "ru": (
                "Главное: повреждена ТЭС",
                "Энергетическая компания подтвердила повреждение оборудования на теплоэлектростанции. Персонал не пострадал.",
            ),
            "en": (
                "Key point: power plant damaged",
                "The energy company confirmed damage to equipment at a thermal power plant. No staff were hurt.",
            ),
        },
    ),
    (
        480,
        {
            "uk": ("", "Відбій тривоги в більшості областей. На сході тривога триває."),
            "ru": ("", "Отбой тревоги в большинстве областей. На востоке тревога продолжается."),
            "en": ("", "The alert has ended in most regions. It continues in the east."),
        },
    ),
    (
        460,
        {
            "uk": (
                "",
                "Рятувальники гасять пожежу на території енергооб'єкта; до роботи залучено дев'ять одиниць техніки.",
            ),
            "ru": (
                "",
                "Спасатели тушат пожар на территории энергообъекта; задействованы девять единиц техники.",
            ),
            "en": (
                "",
                "Rescuers are fighting a fire at an energy facility with nine fire engines.",
            ),
        },
    ),
    (
        430,
        {
            "uk": (
                "Графіки відключень",
                "Оператор системи запроваджує погодинні графіки відключень у шести областях з 8:00.",
            ),
            "ru": (
                "Графики отключений",
                "Оператор системы вводит почасовые графики отключений в шести областях с 8:00.",
            ),
            "en": (
                "Outage schedules",
                "The grid operator is introducing hourly outage schedules in six regions from 8:00.",
            ),
        },
    ),
    (
        400,
        {
            "uk": (
                "",
                "Повітряні сили: збито більшість ракет і дронів; остаточні дані будуть уранці.",
            ),
            "ru": (
                "",
                "Воздушные силы: сбито большинство ракет и дронов; окончательные данные будут утром.",
            ),
            "en": (
                "",
                "The air force says most missiles and drones were shot down; final figures will follow in the morning.",
            ),
        },
    ),
    (
        360,
        {
            "uk": ("", "У лікарнях працюють генератори; планові операції переносять на день."),
            "ru": ("", "В больницах работают генераторы; плановые операции переносят на день."),
            "en": (
                "",
                "Hospitals are running on generators; planned operations are moved by a day.",
            ),
        },
    ),
    (
        320,
        {
            "uk": (
                "",
                "Водоканали переводять насосні станції на резервне живлення; тиск у мережі може бути нижчим.",
            ),
            "ru": (
                "",
                "Водоканалы переводят насосные станции на резервное питание; давление в сети может быть ниже.",
            ),
            "en": (
                "",
                "Water utilities are switching pumping stations to backup power; water pressure may be lower.",
            ),
        },
    ),
    (
        280,
        {
            "uk": (
                "Пункти незламності",
                "Міська влада відкрила пункти незламності з теплом, зв'язком і водою; адреси — у застосунку міста.",
            ),
            "ru": (
                "Пункты несокрушимости",
                "Городские власти открыли пункты несокрушимости с теплом, связью и водой; адреса — в приложении города.",
            ),
            "en": (
                "Warming centres open",
                "City authorities have opened warming centres with heat, connectivity and water; addresses are in the city app.",
            ),
        },
    ),
    (
        240,
        {
            "uk": (
                "",
                "Ремонтні бригади почали відновлювати лінії електропередачі там, де дозволяє безпекова ситуація.",
            ),
            "ru": (
                "",
                "Ремонтные бригады начали восстанавливать линии электропередачи там, где позволяет ситуация с безопасностью.",
            ),
            "en": (
                "",
                "Repair crews have begun restoring power lines where the security situation allows.",
            ),
        },
    ),
    (
        200,
        {
            "uk": (
                "",
                "Залізниця: кілька поїздів затримуються до двох годин через знеструмлення; на ділянках працюють тепловози.",
            ),
            "ru": (
                "",
                "Железная дорога: несколько поездов задерживаются до двух часов из-за обесточивания; на участках работают тепловозы.",
            ),
            "en": (
                "",
                "Railways: several trains are up to two hours late because of outages; diesel locomotives are covering some sections.",
            ),
        },
    ),
    (
        150,
        {
            "uk": (
                "Головне: світло повертають",
                "Живлення відновлено для більш ніж половини знеструмлених споживачів.",
            ),
            "ru": (
                "Главное: свет возвращают",
                "Питание восстановлено для более чем половины обесточенных потребителей.",
            ),
            "en": (
                "Key point: power returning",
                "Power has been restored to more than half of the customers who lost it.",
            ),
        },
    ),
    (
        110,
        {
            "uk": (
                "",
                "Прем'єр-міністр провела нараду з енергетиками; уряд виділяє кошти на обладнання для ремонтів.",
            ),
            "ru": (
                "",
                "Премьер-министр провела совещание с энергетиками; правительство выделяет средства на оборудование для ремонтов.",
            ),
            "en": (
                "",
                "The prime minister met energy officials; the government is allocating funds for repair equipment.",
            ),
        },
    ),
    (
        70,
        {
            "uk": ("", "Енергетики просять увечері не вмикати одночасно кілька потужних приладів."),
            "ru": (
                "",
                "Энергетики просят вечером не включать одновременно несколько мощных приборов.",
            ),
            "en": (
                "",
                "Energy companies ask people not to run several power-hungry appliances at once in the evening.",
            ),
        },
    ),
    (
        35,
        {
            "uk": (
                "",
                "Графіки відключень на вечір опубліковано на сайтах обласних енергокомпаній.",
            ),
            "ru": (
                "",
                "Графики отключений на вечер опубликованы на сайтах областных энергокомпаний.",
            ),
            "en": (
                "",
                "Evening outage schedules are published on the regional energy companies' websites.",
            ),
        },
    ),
    (
        10,
        {
            "uk": ("", "Наразі тривоги немає. Продовжуємо стежити за ситуацією."),
            "ru": ("", "Сейчас тревоги нет. Продолжаем следить за ситуацией."),
            "en": ("", "There is no alert at the moment. We continue to follow the situation."),
        },
    ),
]
