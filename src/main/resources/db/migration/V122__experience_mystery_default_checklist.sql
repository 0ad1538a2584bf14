-- The default mystery-shopping checklist (issue 12): the service details the stories name, in English, French and
-- Polish. One checklist, version 1; the owner edits it (a new version) or makes others.
--   Weights: a critical item 3, the whole visit 3, a detail that shows care 2, a courtesy 1.
--   N/A: allowed where the scenario may not lead there (no department, no size asked, no purchase, no call);
--   not allowed where every visit has an answer (the greeting, the wait, the thanks, the overall feeling).
--   The phone item is critical yet allows N/A: a visit whose scenario has no call cannot answer it, and a call not
--   answered at all is reported as the rings counted before hanging up, which misses the target and flags the visit.
--   Units are stored as their English word; the screens translate the known ones (experience.mystery.checklist.unit.*).
with checklist as (
    insert into mystery_checklist (name, created_at)
    values ('Store visit', timestamptz '2025-01-01 12:00:00+00')
    returning id
), version as (
    insert into mystery_checklist_version (checklist_id, version, created_at)
    select id, 1, timestamptz '2025-01-01 12:00:00+00' from checklist
    returning id
), section as (
    insert into mystery_section (version_id, position, title_en, title_fr, title_pl)
    select version.id, s.position, s.en, s.fr, s.pl
      from version, (values
        (1, 'Arriving', 'L’arrivée', 'Wejście'),
        (2, 'Finding what you came for', 'Trouver ce que vous cherchiez', 'Szukanie towaru'),
        (3, 'Paying and leaving', 'Le paiement et le départ', 'Płatność i wyjście'),
        (4, 'On the phone', 'Au téléphone', 'Przez telefon'),
        (5, 'Overall', 'Dans l’ensemble', 'Ogólnie')
      ) as s (position, en, fr, pl)
    returning id, version_id, position
)
insert into mystery_item (version_id, section_id, position, item_key, text_en, text_fr, text_pl, answer_type, weight,
                          critical, na_allowed, number_rule, number_target, number_unit)
select section.version_id, section.id, i.position, i.item_key, i.en, i.fr, i.pl, i.answer_type, i.weight,
       i.critical, i.na_allowed, i.number_rule, i.number_target, i.number_unit
  from section join (values
    (1, 1, 'greeted-on-entry',
        'Were you greeted when you came in?',
        'Vous a-t-on accueilli dès votre entrée ?',
        'Czy ktoś przywitał Cię zaraz po wejściu do sklepu?',
        'YES_NO', 3.00, true, false, null, null::numeric, ''),
    (1, 2, 'seconds-before-someone-came',
        'How many seconds did you wait before someone came to you?',
        'Combien de secondes avez-vous attendu avant qu’on vienne vers vous ?',
        'Ile sekund minęło, zanim ktoś do Ciebie podszedł?',
        'NUMBER', 2.00, false, false, 'AT_MOST', 30.00, 'seconds'),
    (1, 3, 'acknowledged-in-department',
        'Were you acknowledged when you entered a department?',
        'Vous a-t-on salué quand vous êtes entré dans un rayon ?',
        'Czy po wejściu do działu ktoś Cię zauważył i przywitał?',
        'YES_NO', 1.00, false, true, null, null, ''),
    (2, 4, 'walked-to-the-item',
        'Were you walked to the item rather than pointed to it?',
        'Vous a-t-on accompagné jusqu’à l’article plutôt que de vous le montrer du doigt ?',
        'Czy zaprowadzono Cię do towaru, zamiast tylko wskazać go ręką?',
        'YES_NO', 2.00, false, true, null, null, ''),
    (2, 5, 'offered-to-check-stock',
        'When you asked for a size not on the floor, did they offer to check the stock?',
        'Quand vous avez demandé une taille absente du rayon, vous a-t-on proposé de vérifier le stock ?',
        'Czy po pytaniu o rozmiar, którego nie było na sali, zaproponowano sprawdzenie w magazynie?',
        'YES_NO', 2.00, false, true, null, null, ''),
    (2, 6, 'calm-and-unhurried',
        'How calm and unhurried did the service feel?',
        'Le service vous a-t-il paru calme et sans précipitation ?',
        'Na ile obsługa była spokojna i niespieszna?',
        'SCALE', 2.00, false, false, null, null, ''),
    (3, 7, 'payment-where-you-stood',
        'Was your payment taken where you stood, rather than sending you to a till?',
        'Vous a-t-on encaissé là où vous vous trouviez, plutôt que de vous envoyer à une caisse ?',
        'Czy płatność przyjęto na miejscu, zamiast odsyłać Cię do kasy?',
        'YES_NO', 1.00, false, true, null, null, ''),
    (3, 8, 'bag-handed-over',
        'Was the bag handed to you, rather than pushed across the counter?',
        'Vous a-t-on remis le sac en main, plutôt que de le pousser sur le comptoir ?',
        'Czy torbę podano Ci do ręki, zamiast przesunąć ją po ladzie?',
        'YES_NO', 1.00, false, true, null, null, ''),
    (3, 9, 'thanked-by-name-or-warmly',
        'Were you thanked by name, or warmly?',
        'Vous a-t-on remercié par votre nom, ou chaleureusement ?',
        'Czy podziękowano Ci po imieniu lub serdecznie?',
        'YES_NO', 2.00, false, false, null, null, ''),
    (4, 10, 'phone-answered-by-second-ring',
        'How many rings before the phone was answered?',
        'Au bout de combien de sonneries a-t-on décroché ?',
        'Po ilu sygnałach ktoś odebrał telefon?',
        'NUMBER', 3.00, true, true, 'AT_MOST', 2.00, 'rings'),
    (5, 11, 'the-whole-visit',
        'How was the whole visit, overall?',
        'Dans l’ensemble, comment s’est passée votre visite ?',
        'Jak oceniasz całą wizytę?',
        'SCALE', 3.00, false, false, null, null, '')
  ) as i (section, position, item_key, en, fr, pl, answer_type, weight, critical, na_allowed, number_rule,
          number_target, number_unit)
    on i.section = section.position;
