-- The legend library's first five stories (ADR 0105): the founding legends of DESIGN.md, told afresh in English,
-- French and Polish, each with the lesson it teaches. A reader sees them in their own language.

insert into legend (seed_key, marked_at, position) values
    ('tires',   timestamptz '2025-01-01 00:00:00+00', 1),
    ('diamond', timestamptz '2025-01-01 00:00:00+00', 2),
    ('boots',   timestamptz '2025-01-01 00:00:00+00', 3),
    ('tuxedo',  timestamptz '2025-01-01 00:00:00+00', 4),
    ('chip',    timestamptz '2025-01-01 00:00:00+00', 5);

insert into legend_text (legend_id, language, title, story, lesson)
select l.id, t.language, t.title, t.story, t.lesson
  from legend l
  join (values
    ('tires', 'en', 'The snow tires',
     'One winter morning a man rolled a pair of snow tires up to the counter and asked for his money back. '
     || 'The store had never sold a single tire: long before, the building had been a tire shop. The associate '
     || 'who served him had been on the job for two weeks. She did not call a manager and did not argue. She read '
     || 'the price on the tires, refunded $145 and thanked him for coming in. He told the story for years, and so '
     || 'did everyone who heard it.',
     'Take back what the customer brings, even goods we never sold, on the spot and without asking anyone. '
     || 'Your judgment is enough.'),
    ('tires', 'fr', 'Les pneus neige',
     'Un matin d''hiver, un homme pose deux pneus neige sur le comptoir et demande à être remboursé. Le magasin '
     || 'n''a jamais vendu le moindre pneu : des années plus tôt, le bâtiment abritait un garage. La vendeuse qui '
     || 'l''accueille est là depuis deux semaines. Elle n''appelle pas de responsable et ne discute pas. Elle lit '
     || 'le prix sur les pneus, rembourse 145 $ et le remercie d''être venu. Il a raconté l''histoire pendant des '
     || 'années, comme tous ceux qui l''ont entendue.',
     'Reprendre ce que le client rapporte, même ce que nous n''avons jamais vendu, sur-le-champ et sans demander '
     || 'la permission. Votre jugement suffit.'),
    ('tires', 'pl', 'Opony zimowe',
     'Pewnego zimowego poranka mężczyzna przytoczył do lady dwie opony zimowe i poprosił o zwrot pieniędzy. '
     || 'Sklep nigdy nie sprzedał ani jednej opony: dawno temu w tym budynku mieścił się warsztat wulkanizacyjny. '
     || 'Sprzedawczyni, która go obsługiwała, pracowała od dwóch tygodni. Nie wołała kierownika i nie dyskutowała. '
     || 'Odczytała cenę z opon, zwróciła 145 $ i podziękowała za wizytę. Opowiadał tę historię latami, '
     || 'podobnie jak każdy, kto ją usłyszał.',
     'Przyjmij to, co klient przynosi, nawet towar, którego nigdy nie sprzedawaliśmy, od razu i bez pytania '
     || 'kogokolwiek o zgodę. Twój osąd wystarczy.'),

    ('diamond', 'en', 'The diamond in the vacuum bag',
     'While trying on clothes, a customer noticed that the diamond had fallen out of her wedding ring. A security '
     || 'guard got down on his knees and searched under the racks with her. When that failed, he asked two of the '
     || 'building''s maintenance workers to help, and together they opened the store''s vacuum-cleaner bags one '
     || 'after another, sifting the dust by hand, until the stone turned up.',
     'A lost thing is our problem too. Search as if it were yours, ask others to help, and keep going until it is '
     || 'found or every place has been looked at.'),
    ('diamond', 'fr', 'Le diamant dans le sac d''aspirateur',
     'En essayant des vêtements, une cliente s''aperçoit que le diamant de son alliance est tombé. Un agent de '
     || 'sécurité se met à genoux et cherche avec elle sous les portants. Sans résultat, il demande l''aide de deux '
     || 'employés de l''entretien de l''immeuble ; ensemble, ils ouvrent un à un les sacs d''aspirateur du magasin '
     || 'et trient la poussière à la main, jusqu''à ce que la pierre réapparaisse.',
     'Un objet perdu est aussi notre affaire. Cherchez comme si c''était le vôtre, demandez de l''aide et ne vous '
     || 'arrêtez qu''une fois l''objet retrouvé ou chaque recoin fouillé.'),
    ('diamond', 'pl', 'Diament w worku od odkurzacza',
     'Przymierzając ubrania, klientka zauważyła, że z jej obrączki wypadł diament. Ochroniarz uklęknął i razem '
     || 'z nią szukał pod wieszakami. Gdy to nic nie dało, poprosił o pomoc dwóch pracowników obsługi budynku; '
     || 'razem otwierali po kolei worki z odkurzaczy i przesiewali kurz ręcznie, aż kamień się znalazł.',
     'Zguba klienta to także nasza sprawa. Szukaj tak, jakby chodziło o twoją rzecz, poproś innych o pomoc '
     || 'i nie przestawaj, dopóki jej nie znajdziesz albo nie sprawdzisz każdego miejsca.'),

    ('boots', 'en', 'The soaked boots',
     'A carrier left a $200 pair of boots on a doorstep in the pouring rain, and the customer called the store to '
     || 'say they were ruined. It was not the store''s fault, and the associate did not try to work out whose it '
     || 'was. She said: "I''m so sorry. I''m sending you a new pair right now. Will you be home in 45 minutes?"',
     'When something goes wrong, fix it for the customer first and sort out the fault later, if ever. '
     || 'Ship the replacement now.'),
    ('boots', 'fr', 'Les bottes trempées',
     'Un transporteur dépose une paire de bottes à 200 $ devant une porte, sous une pluie battante, et la cliente '
     || 'appelle le magasin : elles sont fichues. Ce n''est pas la faute du magasin, et la vendeuse ne cherche pas '
     || 'à savoir à qui elle revient. Elle répond : « Je suis vraiment désolée. Je vous envoie une nouvelle paire '
     || 'tout de suite. Serez-vous chez vous dans 45 minutes ? »',
     'Quand quelque chose tourne mal, réglez d''abord le problème du client ; la question de la faute attendra, '
     || 'si elle se pose un jour. Envoyez le remplacement maintenant.'),
    ('boots', 'pl', 'Przemoczone kozaki',
     'Kurier zostawił parę kozaków za 200 $ pod drzwiami w ulewnym deszczu, a klientka zadzwoniła do sklepu, '
     || 'że są zniszczone. To nie była wina sklepu i sprzedawczyni nawet nie próbowała ustalać, czyja. '
     || 'Powiedziała: „Bardzo mi przykro. Wysyłam pani nową parę od razu. Będzie pani w domu za 45 minut?”',
     'Gdy coś pójdzie nie tak, najpierw napraw to dla klienta, a winą zajmij się później, jeśli w ogóle. '
     || 'Wyślij zamiennik od razu.'),

    ('tuxedo', 'en', 'The torn tuxedo',
     'It was past eight in the evening when a young singer caught his tuxedo jacket on a nail, an hour before his '
     || 'show. He called clothier after clothier; every one said no. Then the owner of one small shop said yes. He '
     || 'arrived within the hour with four tuxedos, fitted the singer, sewed the alterations right there, and '
     || 'would not take a tip. The singer told all his friends.',
     'An urgent request after hours deserves a yes and a promised time, kept. One evening like that brings more '
     || 'customers than any advertisement.'),
    ('tuxedo', 'fr', 'Le smoking déchiré',
     'Il est plus de vingt heures quand un jeune chanteur accroche la veste de son smoking à un clou, une heure '
     || 'avant son concert. Il appelle tailleur après tailleur ; tous refusent. Puis le patron d''une petite '
     || 'boutique accepte. Il arrive dans l''heure avec quatre smokings, fait l''essayage, coud les retouches sur '
     || 'place et refuse le pourboire. Le chanteur l''a raconté à tous ses amis.',
     'Une demande urgente après la fermeture mérite un oui et une heure promise, tenue. Une soirée comme '
     || 'celle-là amène plus de clients que n''importe quelle publicité.'),
    ('tuxedo', 'pl', 'Rozdarty smoking',
     'Było już po ósmej wieczorem, gdy młody piosenkarz rozdarł marynarkę smokingu o gwóźdź, godzinę przed '
     || 'występem. Dzwonił do kolejnych krawców; wszyscy odmawiali. Wreszcie właściciel małego sklepu się zgodził. '
     || 'Przyjechał w ciągu godziny z czterema smokingami, dopasował strój, zszył poprawki na miejscu i nie '
     || 'przyjął napiwku. Piosenkarz opowiedział o tym wszystkim znajomym.',
     'Pilna prośba po godzinach zasługuje na „tak” i obiecaną godzinę, dotrzymaną. Jeden taki wieczór '
     || 'przyciąga więcej klientów niż jakakolwiek reklama.'),

    ('chip', 'en', 'The chip nobody would replace',
     'A chip maker learned that one of its processors got a calculation wrong, very rarely. At first it told '
     || 'customers it would replace the chip only for those who could prove the fault mattered to them. Millions '
     || 'felt insulted; the story ran everywhere. In the end the company replaced the chip for anyone who asked, '
     || 'at a far greater cost to its name than if it had offered that from the first day.',
     'Offer the lifetime replacement up front. Never make a customer prove they deserve to be looked after.'),
    ('chip', 'fr', 'La puce que personne ne voulait remplacer',
     'Un fabricant de puces apprend que l''un de ses processeurs se trompe, très rarement, dans un calcul. Il '
     || 'annonce d''abord qu''il ne remplacera la puce que pour les clients capables de prouver que le défaut les '
     || 'gêne. Des millions de personnes se sentent insultées ; l''affaire fait le tour du monde. L''entreprise '
     || 'finit par remplacer la puce pour tous ceux qui la demandent, et sa réputation le paie bien plus cher que '
     || 'si elle l''avait proposé dès le premier jour.',
     'Proposez d''emblée le remplacement à vie. Ne demandez jamais à un client de prouver qu''il mérite qu''on '
     || 's''occupe de lui.'),
    ('chip', 'pl', 'Procesor, którego nikt nie chciał wymienić',
     'Producent procesorów dowiedział się, że jeden z jego układów bardzo rzadko myli się w obliczeniach. '
     || 'Najpierw ogłosił, że wymieni procesor tylko tym, którzy udowodnią, że błąd im przeszkadza. Miliony ludzi '
     || 'poczuły się obrażone, a o sprawie pisano wszędzie. W końcu firma wymieniała układ każdemu, kto poprosił, '
     || 'a jej dobre imię zapłaciło za to znacznie więcej, niż gdyby zaproponowała to od pierwszego dnia.',
     'Zaproponuj dożywotnią wymianę od razu. Nigdy nie każ klientowi udowadniać, że zasługuje na pomoc.')
  ) as t (seed_key, language, title, story, lesson) on t.seed_key = l.seed_key;
