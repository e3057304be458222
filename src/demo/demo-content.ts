import type { DemoArticle, DemoAuthor, DemoSection } from './demo-content.types.ts';

// Everything below is fiction written for the demo newsroom: the people, organisations, figures and
// quotations are invented, even where a dateline names a real city.

export const demoSections: readonly DemoSection[] = [
  {
    slug: 'world',
    name: 'World',
    description: 'Reporting from ports, capitals and provinces on the forces reshaping daily life far beyond our own city.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'Councils, parliaments and campaigns: who decides, what they decided and what it will cost.',
  },
  {
    slug: 'science',
    name: 'Science & Climate',
    description: 'Research, climate and energy, explained by reporters who read the papers and visit the field sites.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Music, food, sport and the arts, and the people who make them.',
  },
];

export const demoAuthors: readonly DemoAuthor[] = [
  {
    slug: 'amara-okafor',
    name: 'Amara Okafor',
    jobTitle: 'Foreign Correspondent',
    bio: 'Amara Okafor reports on trade, migration and the cities that connect them, and has filed from more than 40 countries. Before joining the Gazette she spent six years on the business desk of a West African news agency.',
  },
  {
    slug: 'tomasz-wierzbicki',
    name: 'Tomasz Wierzbicki',
    jobTitle: 'Political Editor',
    bio: 'Tomasz Wierzbicki leads the Gazette’s coverage of councils, parliaments and campaigns, with a particular interest in how budgets become policy. He covered local government for 11 years and still reads planning documents for pleasure.',
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    jobTitle: 'Science and Climate Correspondent',
    bio: 'Priya Raman writes about climate, energy and the research behind the headlines. She trained as a hydrologist before moving into journalism and is happiest reporting from a field site.',
  },
  {
    slug: 'ji-won-park',
    name: 'Ji-won Park',
    jobTitle: 'Culture Editor',
    bio: 'Ji-won Park edits the Culture section and writes about music, food and the places where people gather. She joined the Gazette from an arts magazine in Seoul and sees around a hundred performances a year.',
  },
  {
    slug: 'lucia-ferreira',
    name: 'Lucía Ferreira',
    jobTitle: 'Data Reporter',
    bio: 'Lucía Ferreira turns public records, budgets and sensor feeds into stories readers can check for themselves. She builds the Gazette’s charts and looks after its open datasets.',
  },
];

export const demoArticles: readonly DemoArticle[] = [
  {
    slug: 'busan-terminal-remote-cranes-night-shift',
    section: 'world',
    headline: 'Busan’s busiest terminal trials remote-controlled cranes as night cargo surges',
    standfirst:
      'Operators now steer some quay cranes from an office three kilometres away. Crane drivers say the nights are safer, but fewer hands are needed on the quay.',
    dateline: 'BUSAN',
    authors: ['amara-okafor', 'lucia-ferreira'],
    tags: ['Trade', 'Transport', 'Energy'],
    photo: {
      key: 'busan-harbour-cranes',
      scene: 'harbour',
      seed: 4107,
      palette: { skyTop: '#2b3a67', skyBottom: '#f39c5a', sun: '#ffd27a', ground: ['#35506b', '#c0553a', '#1f2a3a'] },
      alt: 'Three dark container cranes stand over a ship stacked with red, tan and blue containers, with a low orange sun in a purple evening sky reflected on the water.',
      caption: 'Quay cranes work a container ship at a terminal in Busan’s new port as the evening shift begins.',
      credit: 'Seo Ha-eun / Gazette',
    },
    bodyHtml: `
<p>At a quarter to ten, when the evening shift at the port’s western terminal is at its busiest, the cab of crane number seven is empty. The operator steering its spreader over the hold of a container ship is sitting at a desk in a converted warehouse three kilometres away, watching four camera feeds and a laser-scanned outline of the stack.</p>
<p>The terminal’s operator, which runs six berths on the western side of the harbour, began trialling remote operation on four of its quay cranes this spring. It says the move is a response to a sharp rise in night-time calls, as shipping lines shift their schedules to avoid congestion at other ports in the region.</p>
<p>“Ten years ago the night was quiet. Now a third of our moves happen between ten and six,” said Kang Min-jae, the terminal’s operations director. “Sitting 50 metres up in a cab through a winter night is hard on people. From the control room they can take a break without the crane stopping.”</p>
<h2>Fewer hands on the quay</h2>
<p>According to figures the terminal shared with the Gazette, the trial cranes handled an average of 31 moves an hour over the past three months, close to the 33 achieved by conventional cranes with a driver in the cab. Unplanned stoppages fell by about a fifth, which the company attributes to operators no longer having to climb down for breaks.</p>
<p>The union branch that represents crane operators has not opposed the trial, but it has set conditions. Its members want:</p>
<ul>
<li>a guarantee that no operator loses their job while the trial runs;</li>
<li>retraining for lashers and checkers whose work changes when cranes are steered remotely;</li>
<li>an independent review of fatigue in the control room, where one person may supervise more than one crane.</li>
</ul>
<p>Yoon Hye-sook, who drove cranes at the port for 17 years and now works in the control room, said the job felt different rather than easier. “Up in the cab you feel the wind and the swing of the box. Here you have to trust the screen,” she said. “The younger operators learn it quickly. Some of us miss the view.”</p>
<h2>Power and pressure</h2>
<p>The cranes are electric, and the terminal says the remote system lets it schedule lifts to smooth out peaks in power demand, which cuts its electricity bill. It has applied to the city for permission to install a battery bank beside the quay.</p>
<p>Analysts expect the pressure on the region’s ports to grow. Cargo volumes through the harbour rose by about 6% last year, and the terminal expects a further increase as new direct services to South-East Asia begin. A summary of the trial data is published on the terminal’s <a href="https://example.org/busan-west-terminal/remote-crane-trial">project page</a>.</p>
<p>For now, the remote cranes work alongside conventional ones, and every shift still starts with a walk along the quay. “A crane is a crane,” said Mr Kang. “Someone is still responsible for every box that passes over a person’s head.”</p>
`,
    publishedHoursAgo: 3,
  },
  {
    slug: 'nairobi-traders-shared-solar-cold-rooms',
    section: 'world',
    headline: 'Nairobi market traders turn to shared solar cold rooms to cut waste',
    standfirst: 'Vendors who once threw away a third of their tomatoes in a hot week now rent space in a walk-in cooler by the crate.',
    dateline: 'NAIROBI',
    authors: ['amara-okafor'],
    tags: ['Food', 'Trade', 'Energy', 'Health'],
    photo: {
      key: 'nairobi-market-stalls',
      scene: 'market',
      seed: 2291,
      palette: { skyTop: '#7ec0e6', skyBottom: '#f6e7c8', sun: '#f2b33d', ground: ['#d9a679', '#c8553d', '#8a6a52'] },
      alt: 'Four market stalls with orange, red and yellow striped awnings display crates of fruit, as silhouetted shoppers pass in front of sand-coloured buildings under a string of lights.',
      caption: 'Shoppers pass fruit and vegetable stalls at an open-air market in Nairobi, where traders now share three solar-powered cold rooms.',
      credit: 'Wanjiru Kamau / Gazette',
    },
    bodyHtml: `
<p>By eleven in the morning the heat under the market’s corrugated roofs is already building, and Grace Wambui is moving her tomatoes. Not to a customer, but to a white container at the end of the row, where a fan hums and the air holds steady at eight degrees.</p>
<p>The walk-in cold room, powered by solar panels on its roof, is one of three installed at the market last year by a traders’ cooperative with a loan from a community lender. Vendors rent space by the crate, paying 20 shillings a day for each, and collect their stock before the evening rush.</p>
<p>“Before, in a hot week I would throw away maybe a third of my tomatoes,” said Ms Wambui, who has sold vegetables here for 14 years. “Now it is a few kilos. The money I was losing is paying school fees.”</p>
<h2>What the records show</h2>
<p>The cooperative has kept records since the first unit opened. Across its 210 members, it estimates that losses of tomatoes, leafy greens and mangoes have fallen by more than half. Members are also selling more in the late afternoon, when produce that would once have wilted can still fetch a full price.</p>
<p>Researchers who study food systems in East Africa say the model fills a long-standing gap. Much of the food lost in the region spoils between the farm gate and the market stall rather than in homes, and small traders rarely have the capital for refrigeration or a reliable supply of power.</p>
<p>Njeri Mwangi, an agricultural economist who has studied the cooperative’s figures, put it simply:</p>
<blockquote><p>“Cold storage has always existed for exporters. What is new is cold storage priced for a woman selling forty kilos of tomatoes a day.”</p></blockquote>
<p>Food safety officers have also noticed. Chilled leafy greens and cut fruit are less likely to harbour bacteria by the end of a long market day, and the county’s inspectors now point other markets to the cooperative’s hygiene rules, which require crates to be washed before they go into the cooler.</p>
<h2>Growing pains</h2>
<p>The arrangement is not without friction. Some traders complain that the units fill up by mid-morning on market days, and the cooperative has had to introduce a booking rota. Others worry about what happens when the batteries, which have a design life of about eight years, need replacing.</p>
<p>The cooperative’s chair, Peter Otieno, said members were already saving for that day. “Every crate pays one shilling into a maintenance fund,” he said. “We are traders. We know a machine is only worth something if it still works in ten years.”</p>
<p>The cooperative has been asked to help draft guidelines for similar units at two other markets. Its own plans are more modest: a fourth cold room, and a small ice maker for the fish sellers at the far end of the hall.</p>
`,
    publishedHoursAgo: 27,
  },
  {
    slug: 'toronto-rent-register-pilot-tenants',
    section: 'world',
    headline: 'Toronto tests a public rent register as tenants push for tighter limits',
    standfirst:
      'A pilot covering 40 apartment towers lets anyone look up what a unit was rented for last year. Landlords warn it will discourage new building.',
    dateline: 'TORONTO',
    authors: ['tomasz-wierzbicki', 'lucia-ferreira'],
    tags: ['Housing', 'Elections'],
    photo: {
      key: 'toronto-towers-dusk',
      scene: 'city',
      seed: 8832,
      palette: { skyTop: '#1d2450', skyBottom: '#e07a5f', sun: '#ffe08a', ground: ['#5b5f8a', '#2e3150', '#1a1c2c'] },
      alt: 'Rows of towers with yellow-lit windows stand against a purple and coral sky at dusk, above a dark street with yellow lane markings.',
      caption: 'Apartment and office towers light up at dusk in downtown Toronto, where 40 buildings are taking part in the rent register pilot.',
      credit: 'Northlight Images',
    },
    bodyHtml: `
<p>For most of the past decade, people looking at an apartment in this city had one number to go on: the asking rent. Since the start of the month, anyone considering a unit in 40 towers across three downtown wards has had another — what the same unit was rented for a year earlier.</p>
<p>The rent register pilot, approved by the city council last autumn by a margin of two votes, requires landlords in participating buildings to file the monthly rent for each unit whenever a new lease is signed. The figures are published online and searchable by address, with tenants’ names removed.</p>
<p>Supporters say the register will make it harder to push rents up sharply between tenancies, a practice they say has become routine in buildings with high turnover. “If you can see that the last person paid 2,100 dollars, you can ask why you are being asked for 2,650,” said Councillor Amira Haddad, who proposed the pilot. “Information is the cheapest housing policy there is.”</p>
<h2>Landlords push back</h2>
<p>Groups representing landlords and developers argue that the register is a first step towards controls on newer buildings, which are currently exempt, and that it will deter construction when the city needs more homes.</p>
<p>“Nobody objects to transparency in principle,” said Martin Kowal, who speaks for an association of residential landlords. “But a register that covers only some buildings tells renters half the story, and it tells investors that the rules can change after they have built.”</p>
<p>Under the terms of the pilot, city staff must report back to council within 18 months on three questions:</p>
<ol>
<li>whether rents between tenancies rose more slowly in pilot buildings than in comparable buildings nearby;</li>
<li>how many landlords filed late or incomplete records, and why;</li>
<li>what it would cost to extend the register to the whole city.</li>
</ol>
<h2>An election issue</h2>
<p>The timing matters. Municipal elections are due next year, and housing costs top residents’ concerns in the city’s own surveys. Two likely mayoral candidates have said they would expand the register; a third has called it “a spreadsheet, not a solution”.</p>
<p>A Gazette analysis of the first month’s filings found records for 312 new leases. In 41 of them, the new rent was more than 15% higher than the previous one. The pilot’s records can be downloaded from the <a href="https://example.org/toronto/rent-register-pilot">city’s open data portal</a>.</p>
<p>For tenants such as Deshawn Clarke, who moved into a one-bedroom unit on the 19th floor of a pilot building in its first week, the effect was immediate. The register showed that the previous tenant had paid 300 dollars a month less. “I asked, and they knocked off 150,” he said. “It is not nothing.”</p>
`,
    publishedHoursAgo: 51,
  },
  {
    slug: 'mekong-delta-farmers-salt-water-shrimp',
    section: 'world',
    headline: 'In the Mekong delta, rice farmers switch to shrimp as salt water creeps inland',
    standfirst:
      'Drier seasons and a sinking delta are pushing seawater further up the river each year. Some families are changing what they farm; others are leaving.',
    dateline: 'BEN TRE',
    authors: ['amara-okafor'],
    tags: ['Climate', 'Food', 'Water'],
    photo: {
      key: 'mekong-delta-river',
      scene: 'river',
      seed: 5519,
      palette: { skyTop: '#a9cde8', skyBottom: '#f6ecd2', sun: '#fff0b3', ground: ['#8fb573', '#b5c98a', '#2f5a35'] },
      alt: 'A wide grey-blue river winds from distant hills towards the viewer through flat green farmland, its banks dotted with round dark-green trees.',
      caption: 'A branch of the Mekong winds through farmland in Ben Tre province, where salt water now reaches further upstream in the dry season.',
      credit: 'Tran Thu Linh / Gazette',
    },
    bodyHtml: `
<p>Nguyen Van Hai keeps a plastic refractometer in his shirt pocket, the way his father kept a pencil. Every morning in the dry season he dips it into the canal that feeds his fields and reads the salt. Most mornings now, the number is too high for rice.</p>
<p>Three years ago he stopped planting a second rice crop and dug two of his paddies into ponds for shrimp. Last year he did the same with a third. “Rice needs fresh water. Shrimp can live with the sea,” he said, standing on the bank between them. “So we live with the sea too.”</p>
<p>Across the coastal provinces of the delta, farmers are making the same calculation. Salt water has always pushed up the river’s many branches in the dry months, when the flow from upstream is low. But hydrologists say it now travels further, arrives earlier and stays longer, driven by weaker dry-season flows, rising seas and a delta that is sinking as groundwater is pumped from beneath it.</p>
<h2>A new kind of risk</h2>
<p>Shrimp can earn far more than rice in a good year. But the switch carries its own dangers. Ponds need careful management, disease can wipe out a harvest in days, and the salt that makes shrimp possible makes it hard to go back to rice if prices fall.</p>
<p>Agricultural officers in the province have begun promoting a mixed system instead, in which a single field grows rice in the wet season and shrimp in the dry. They say it keeps soils usable and spreads the risk, and they point to a handful of villages where it has worked for a decade.</p>
<p>Le Thi Mai, who farms a little over a hectare with her husband, tried it two years ago. She is cautiously positive. “The rice is lower, but it is clean. The shrimp pay the debts,” she said. “If one fails, we still eat.”</p>
<h2>Those who leave</h2>
<p>Not everyone is adapting in place. In Mr Hai’s hamlet, eight of the 30 households have at least one member working in factories near the big cities, sending money home. Two families have left altogether, their houses shuttered and their land rented to a neighbour.</p>
<p>Researchers tracking migration from the delta say the pattern is common: people rarely leave because of a single flood or a single salty season, but after several bad years in a row, when debts mount and the next generation sees no future on the farm.</p>
<p>For Mr Hai, who is 58, leaving is not an option he discusses. He has planted a row of salt-tolerant coconut palms along his boundary and is saving for a lined pond that will hold fresh rainwater through the dry months. “My grandfather cleared this land,” he said. “I am not going to be the one who gives it to the sea.”</p>
`,
    publishedHoursAgo: 122,
  },
  {
    slug: 'rotterdam-council-backs-docklands-tram',
    section: 'politics',
    headline: 'Rotterdam council backs tram extension to former docks after all-night debate',
    standfirst:
      'The 4.2-kilometre line will serve 12,000 planned homes on old harbour land. Opponents say the city is laying the tracks before it has found the money.',
    dateline: 'ROTTERDAM',
    authors: ['tomasz-wierzbicki'],
    tags: ['Transport', 'Housing', 'Climate'],
    photo: {
      key: 'rotterdam-blue-hour-skyline',
      scene: 'city',
      seed: 7340,
      palette: { skyTop: '#0f2540', skyBottom: '#4a7bab', sun: '#f4f1de', ground: ['#3b4f6b', '#22324a', '#121a26'] },
      alt: 'Office towers with scattered lit windows stand against a deep blue night sky with a pale full moon, above a dark, empty street.',
      caption: 'Office towers on the Rotterdam skyline at nightfall; the new tram line will run from the city centre to a former dock district.',
      credit: 'Maas Photo Agency',
    },
    bodyHtml: `
<p>Rotterdam’s city council approved a 4.2-kilometre tram extension to a former dock district in the early hours of the morning, ending a debate that began the previous afternoon and ran for more than eleven hours.</p>
<p>The motion passed by 24 votes to 20, with one abstention. It commits the city to building the line, seven stops and a bridge over an old harbour basin, with the first trams due to run in six years.</p>
<p>The extension is meant to serve a redevelopment of the docklands, where the city plans 12,000 homes, a third of them for social rent. Sanne de Vries, the alderman responsible for transport, told councillors that building the tram first was the only way to stop the new district filling with cars.</p>
<blockquote><p>“If people move in and there is no tram, they buy a car. Once they own a car, they keep it. We get one chance to get this right.”</p></blockquote>
<h2>How the money adds up</h2>
<p>The city puts the cost at 310 million euros. According to the council papers:</p>
<ul>
<li>about 140 million euros is expected from national infrastructure funds, which have not yet been awarded;</li>
<li>90 million would come from developers through land sales in the new district;</li>
<li>the remaining 80 million would be borrowed by the city.</li>
</ul>
<p>Opposition councillors argued that approving construction before the national money is confirmed leaves the city exposed. “We are laying tracks on a promise,” said Joost Ramdin, leader of the Civic Liberal group, which voted against. His amendment to pause tendering until the funding was secured was defeated by two votes.</p>
<p>The city’s auditor had warned councillors in a note before the debate that the costs of comparable rail projects had risen by an average of 25% between approval and completion.</p>
<h2>What happens next</h2>
<p>Tendering for the bridge is expected to begin next spring. Residents of neighbouring districts will be consulted on the route of the final section, which passes close to a primary school, and a map of the proposed line has been published on the <a href="https://example.org/rotterdam/docklands-tram">project website</a>.</p>
<p>Outside the chamber, a small group of residents who had stayed through the night applauded when the result was read out. “My children will be grown up before they ride it,” said Fatima El Amrani, who lives beside the old docks. “But at least now it will exist.”</p>
<p><em>This article has been updated with the final vote count and the auditor’s warning.</em></p>
`,
    publishedHoursAgo: 9,
    updatedHoursAgo: 4,
  },
  {
    slug: 'aarhus-stadium-rebuild-referendum',
    section: 'politics',
    headline: 'Aarhus will put its stadium rebuild to a public vote after council deadlock',
    standfirst: 'Councillors split evenly over 900 million kroner of public support for a new ground. Residents will now decide in a referendum in the spring.',
    dateline: 'AARHUS',
    authors: ['tomasz-wierzbicki', 'lucia-ferreira'],
    tags: ['Sport', 'Elections', 'Housing'],
    photo: {
      key: 'aarhus-stadium-floodlights',
      scene: 'stadium',
      seed: 6123,
      palette: { skyTop: '#1b2a4a', skyBottom: '#6f8fb8', sun: '#f5f3e6', ground: ['#3d8b3d', '#4e5566', '#262a35'] },
      alt: 'An oval stadium seen from above at night, its stands packed with spectators around a striped green pitch and lit by four floodlight towers under a dark blue sky.',
      caption: 'Supporters fill the stands for an evening match at the club’s current ground in Aarhus, which it wants to replace.',
      credit: 'Karin Holt / Gazette',
    },
    bodyHtml: `
<p>Residents of Aarhus will vote in the spring on whether the city should help pay for a new football stadium, after the council split evenly on the plan and its chair used a rarely invoked rule to send the question to a referendum.</p>
<p>The proposal would replace the club’s 1920s ground with a 24,000-seat stadium on the same site, with a roof, a public square and 600 homes built around its edges. The club and its investors would pay most of the estimated 2.3 billion kroner cost; the city has been asked for 900 million kroner in land, loan guarantees and transport links.</p>
<p>“This is the largest single sum this council has been asked to commit in a generation,” said the council chair, Mette Lindholm. “When the room is split down the middle, it is right to ask the people who will pay for it.”</p>
<h2>What voters will be asked</h2>
<p>The ballot will offer three options:</p>
<ul>
<li>approve the plan as proposed, including the city’s full contribution of 900 million kroner;</li>
<li>approve a smaller contribution of up to 400 million kroner, limited to the square and transport links;</li>
<li>reject public support for the stadium altogether.</li>
</ul>
<p>The result will not be legally binding, but the leaders of all five groups on the council have said they will respect it.</p>
<h2>Supporters and sceptics</h2>
<p>Supporters point to the homes and the square, and to the club’s women’s and youth teams, which train on rented pitches across the city. “The old stand is held together with paint,” said Anders Holm, who has held a season ticket for 31 years. “We are not asking for a palace. We are asking for a ground that will still be standing when my grandchildren are old enough to come.”</p>
<p>Critics argue that stadiums rarely deliver the economic benefits promised for them. “Every study I have read says the same thing: a stadium moves spending around a city, it rarely creates much new spending,” said Line Sørensen, an urban economist who has advised the council’s opposition groups.</p>
<p>A Gazette review of 14 stadium projects in northern Europe over the past two decades found that 11 were completed over budget, by a median of 23%. Our list of projects and sources is <a href="https://example.org/gazette-data/stadium-projects">available to download</a>.</p>
<p>Campaigning is expected to begin after the new year. The club said it would abide by the result and would present a revised financing plan before the vote if it could reduce the sum sought from the city.</p>
<p><em>This article has been updated with the wording of the ballot options confirmed by the council.</em></p>
`,
    publishedHoursAgo: 75,
    updatedHoursAgo: 70,
  },
  {
    slug: 'aragon-wind-farm-vote-divides-farmers',
    section: 'politics',
    headline: 'Wind farm vote exposes a rift between farmers and the regional government',
    standfirst: 'A plan for 38 turbines on the plateau above three villages has split a farming community that used to speak with one voice.',
    dateline: 'ZARAGOZA',
    authors: ['tomasz-wierzbicki'],
    tags: ['Energy', 'Elections', 'Climate'],
    photo: {
      key: 'aragon-plateau-turbines',
      scene: 'field',
      seed: 3377,
      palette: { skyTop: '#7fb3e0', skyBottom: '#f2efe4', sun: '#fff4c4', ground: ['#c9b58a', '#a39456', '#d8b46a'] },
      alt: 'Four white wind turbines stand on sandy hills above a line of dark shrubs and a striped golden field under a pale blue sky.',
      caption: 'Wind turbines already operating on a ridge above harvested cereal fields in Aragon, where 38 more are planned.',
      credit: 'Iberia Lens',
    },
    bodyHtml: `
<p>When the regional parliament approved a wind farm of 38 turbines on the plateau above three villages north of the city, the government called it a victory for rural jobs and clean power. In the villages themselves, the reaction was more divided.</p>
<p>Some landowners stand to earn rents of several thousand euros a year for each turbine on their land, more than many make from a harvest of barley in a dry year. Their neighbours, whose fields lie between the turbines but host none of them, will receive nothing beyond a share of a community fund.</p>
<p>“For forty years we have gone to every protest together,” said Javier Lacasa, who farms 200 hectares of cereals and will have two turbines. “Now I go to the café and half the table does not talk to me.”</p>
<h2>The government’s case</h2>
<p>The regional energy minister, Elena Marín, defended the decision in the chamber. She said the project would add enough capacity to supply about 90,000 homes, bring an estimated 60 permanent maintenance jobs to the area and pay the three municipalities a combined 1.2 million euros a year in local taxes.</p>
<blockquote><p>“The choice is not between turbines and farming. The choice is whether the money from the wind that crosses these fields stays here or goes somewhere else.”</p></blockquote>
<p>Opposition deputies voted against, arguing that the approval process had been rushed and that the environmental assessment had not properly considered birds of prey that nest in the gorges below the plateau. They have asked the regional ombudsman to review the file.</p>
<h2>A fund that satisfies no one</h2>
<p>At the centre of the dispute is the community fund, which the developer has offered to finance with 1% of the farm’s annual revenue. Under the current draft, the money would be spent on village projects chosen by the three town halls.</p>
<p>Farmers without turbines want a share paid directly to them instead, based on how close their fields lie to the nearest tower. “They will change the landscape we work in every day,” said Pilar Gracia, whose olive and almond groves sit below the ridge. “A new roof on the sports hall is not compensation.”</p>
<p>The mayor of the largest of the three villages, Tomás Arnal, said he understood the anger but feared a payment scheme based on distance would be impossible to administer fairly. He has proposed a public assembly to decide how the fund is used.</p>
<p>The dispute is likely to shape the municipal elections due in the spring. In two of the villages, farmers opposed to the project are discussing standing their own candidates for the first time.</p>
`,
    publishedHoursAgo: 196,
  },
  {
    slug: 'alpine-glacier-lost-tenth-of-ice-in-one-summer',
    section: 'science',
    headline: 'Alpine glacier lost a tenth of its ice in a single summer, survey finds',
    standfirst:
      'Scientists who have measured the glacier for 30 years say losses are now outpacing their models, with consequences for hydropower and drinking water downstream.',
    dateline: 'CHAMONIX',
    authors: ['priya-raman'],
    tags: ['Climate', 'Water', 'Energy'],
    photo: {
      key: 'alpine-peaks-snow',
      scene: 'mountains',
      seed: 9051,
      palette: { skyTop: '#6fa8dc', skyBottom: '#dcebf5', sun: '#fff4c2', ground: ['#6b7fa3', '#4a6272', '#2f4a3a'] },
      alt: 'Jagged grey-blue mountains with snow on their highest peaks rise behind a darker ridge and a forest of pine trees under a bright blue sky.',
      caption: 'Peaks above the Chamonix valley in late summer, when the survey team made its final measurements of the season.',
      credit: 'Alpine Photo Collective',
    },
    bodyHtml: `
<p>A glacier above the Chamonix valley lost roughly a tenth of its remaining volume over a single summer, according to a survey by a team of glaciologists who have measured it every year for three decades.</p>
<p>The team combined drone photography, ground-penetrating radar and a network of stakes drilled into the ice to estimate the loss. Their preliminary report, released this week, says the glacier’s surface dropped by an average of 3.8 metres across its lower tongue, and that the front retreated by 61 metres since last autumn.</p>
<p>“We have a model that predicts how the glacier should respond to a given summer. For the third year running, the glacier has lost more than the model said it would,” said Claire Vasseur, who leads the survey. “That tells us something in the physics is changing faster than we assumed.”</p>
<h2>Why the losses are speeding up</h2>
<p>The researchers point to several processes that reinforce each other:</p>
<ul>
<li>thinner winter snow, which melts away earlier and exposes bare ice for longer;</li>
<li>dust and rock debris on the surface, which darken the ice so it absorbs more sunlight;</li>
<li>meltwater channels that carry heat deep into the glacier and weaken it from within.</li>
</ul>
<p>Each on its own would be expected from a warming climate, Dr Vasseur said. Together, they mean that a hot summer now does more damage than an equally hot summer did twenty years ago.</p>
<h2>Water and power downstream</h2>
<p>The losses matter well beyond the mountains. In late summer, meltwater from glaciers in the massif supplies a significant share of the flow in the valley’s rivers, feeding small hydroelectric plants and, further downstream, the intakes of several water utilities.</p>
<p>In the short term, faster melting means more water. But hydrologists warn that the extra flow is temporary: once a glacier shrinks past a certain point, its contribution in the driest weeks of the year begins to fall.</p>
<blockquote><p>“We are spending the savings account. It looks like a good year for the river, until the account is empty.”</p></blockquote>
<p>That was how Marc Delorme, an engineer at a regional hydropower cooperative, described the outlook. His cooperative is already studying whether to raise a small dam to store more water from spring snowmelt.</p>
<p>The survey team plans to publish its full data in the spring, after a second radar campaign in the winter. The preliminary findings and the measurement series since the 1990s are on the team’s <a href="https://example.org/glacier-survey/annual-report">survey website</a>.</p>
<p><em>This article has been updated to correct the length of the glacier’s retreat, which is 61 metres, not 16.</em></p>
`,
    publishedHoursAgo: 14,
    updatedHoursAgo: 6,
  },
  {
    slug: 'paper-strip-test-arsenic-well-water',
    section: 'science',
    headline: 'Paper strip test detects arsenic in well water within ten minutes',
    standfirst:
      'A test that costs less than a cup of tea could let millions of households check their drinking water, researchers say, if it can be made at scale.',
    dateline: 'DHAKA',
    authors: ['priya-raman'],
    tags: ['Health', 'Water'],
    photo: {
      key: 'dhaka-water-lab',
      scene: 'lab',
      seed: 1468,
      palette: { skyTop: '#e8eef2', skyBottom: '#c9d8e0', sun: '#fff6d8', ground: ['#4fb3a9', '#9fb3bf', '#3c4a56'] },
      alt: 'Glass flasks and beakers holding pale yellow and green liquids stand on a laboratory bench beneath three pendant lamps, with a shelf of bottles on the tiled wall behind.',
      caption: 'Water samples await testing at the university laboratory in Dhaka where the paper strip was developed.',
      credit: 'Farhan Rahman / Gazette',
    },
    bodyHtml: `
<p>A strip of treated paper no bigger than a bookmark can show whether well water contains dangerous levels of arsenic in about ten minutes, according to researchers at a university laboratory in Dhaka who have spent four years developing it.</p>
<p>Arsenic occurs naturally in groundwater across large parts of South Asia, and long-term exposure through drinking water is linked to skin lesions, heart disease and several cancers. Many households rely on shallow tube wells that have never been tested, or were tested once, decades ago.</p>
<p>Existing field kits work, but they involve mixing reagents, produce toxic gas and cost several dollars per test. The new strip needs only a few drops of water and changes colour from pale yellow to brown as the arsenic concentration rises.</p>
<h2>How the test works</h2>
<p>The team, led by the chemist Nusrat Jahan, coated ordinary filter paper with tiny particles that bind to arsenic and change colour when they do. A printed scale beside the test zone lets the user compare the result with three bands:</p>
<ul>
<li>safe, below the World Health Organization’s guideline of 10 micrograms per litre;</li>
<li>unsafe, between the guideline and the national limit;</li>
<li>dangerous, above the national limit, where a well should not be used for drinking.</li>
</ul>
<p>In a field study of 600 wells in three districts, the strip placed 94% of samples in the same band as laboratory analysis. Most of the errors were in the middle band, where the colour change is subtle.</p>
<blockquote><p>“A test that a grandmother can read in her own courtyard is worth more than a perfect test in a laboratory four hours away.”</p></blockquote>
<p>Dr Jahan said the team had deliberately favoured simplicity over precision. She estimates that, made in volume, each strip would cost the equivalent of a few cents.</p>
<h2>From laboratory to village</h2>
<p>Independent researchers welcomed the results but cautioned that a cheap test is only useful if people act on it. Earlier testing campaigns found that many families kept drinking from wells marked unsafe because the nearest safe source was too far away.</p>
<p>“Knowing is the first step, not the last,” said Rafiq Hossain, a public health specialist who was not involved in the study. “The test has to come with a plan for what a family does when the strip turns brown.”</p>
<p>The team is now working with a local manufacturer on a production trial and has published its method openly so other groups can reproduce it. The study and a guide to reading the strips are available on the <a href="https://example.org/water-lab/arsenic-strip">laboratory’s website</a>.</p>
`,
    publishedHoursAgo: 98,
  },
  {
    slug: 'heat-tolerant-wheat-field-trials',
    section: 'science',
    headline: 'Heat-tolerant wheat holds its yield through a scorching spring in field trials',
    standfirst:
      'Breeders say lines that flower earlier and keep their leaves green for longer lost far less grain than standard varieties in an unusually hot season.',
    dateline: 'ADELAIDE',
    authors: ['priya-raman', 'lucia-ferreira'],
    tags: ['Food', 'Climate', 'Trade'],
    photo: {
      key: 'adelaide-wheat-trial-plots',
      scene: 'field',
      seed: 2718,
      palette: { skyTop: '#8ec5e8', skyBottom: '#eaf4f8', sun: '#fff3b0', ground: ['#8fb58a', '#6a9a4f', '#b9a255'] },
      alt: 'Five white wind turbines stand on low green hills beyond a hedge of round trees and a field striped with rows of ripening wheat under a clear blue sky.',
      caption: 'Wheat trial plots at a research farm north of Adelaide, with wind turbines on the hills behind.',
      credit: 'Southern Cross Pictures',
    },
    bodyHtml: `
<p>Experimental wheat lines bred to cope with heat lost far less grain than standard varieties during an unusually hot spring, according to results from field trials at six sites across southern Australia.</p>
<p>The trials compared 12 new lines with four varieties widely grown by farmers in the region. In the hottest trial, where temperatures passed 35°C on nine days while the crop was flowering and filling its grain, the best of the new lines yielded 2.9 tonnes a hectare, against an average of 2.1 tonnes for the standard varieties.</p>
<p>“Heat at flowering is the thing that keeps wheat breeders awake at night,” said Siobhan Murray, a plant physiologist who led the analysis. “A few hot days at the wrong moment can cost a farmer a fifth of the crop. These lines are much better at riding it out.”</p>
<h2>What makes the difference</h2>
<p>The new lines combine several traits, drawn partly from older varieties and wild relatives of wheat kept in seed banks. According to the team’s report, the most useful were:</p>
<ul>
<li>earlier flowering, so that the most sensitive stage is more likely to fall before the worst heat;</li>
<li>leaves that stay green for longer under stress, so the plant keeps feeding the grain;</li>
<li>deeper roots, which reach moisture that shallower varieties cannot.</li>
</ul>
<p>None of the traits is new on its own, Dr Murray said. The achievement was bringing them together in plants that also resist the region’s common diseases and produce grain that millers want to buy.</p>
<h2>A cautious welcome</h2>
<p>Farmers’ groups welcomed the results but noted that a single season is not enough to judge a variety. The new lines will be tested for at least two more years before any is released, and yields in cooler, wetter years will matter as much as yields in hot ones.</p>
<p>Grain traders also want to know how the lines perform for bakers. “A variety that yields well but makes poor bread will not earn a premium,” said Tom Achterberg, who buys wheat for a flour milling cooperative. “We will be baking with the trial grain before anyone plants it on a large scale.”</p>
<p>The stakes are considerable. Wheat is one of the region’s largest exports, and models suggest that hot spells during flowering will become more frequent across the growing belt over the coming decades.</p>
<p>The research team has published its trial results, including yields for every line at every site, in an <a href="https://example.org/wheat-trials/heat-tolerance">open dataset</a>. A Gazette review of the data found that the new lines outperformed the standard varieties at five of the six sites; at the sixth, the coolest, the difference was too small to measure reliably.</p>
`,
    publishedHoursAgo: 260,
  },
  {
    slug: 'vancouver-ship-speed-limit-trial-whales',
    section: 'science',
    headline: 'Slower ships mean fewer whale strikes and less fuel burned, harbour trial finds',
    standfirst:
      'A voluntary speed limit in the approaches to the port cut underwater noise by almost half and was followed by most of the ships it applied to.',
    dateline: 'VANCOUVER',
    authors: ['priya-raman', 'amara-okafor'],
    tags: ['Climate', 'Transport', 'Trade'],
    photo: {
      key: 'vancouver-harbour-morning',
      scene: 'harbour',
      seed: 4420,
      palette: { skyTop: '#5b8fc7', skyBottom: '#dfe9f0', sun: '#fff7d6', ground: ['#5f7f95', '#2f7d8c', '#2b3440'] },
      alt: 'Two dark container cranes stand over a cargo ship stacked with teal, grey and cream containers on calm blue water, under a pale sky with a bright sun and hills on the horizon.',
      caption: 'A container ship is loaded at a terminal in Vancouver’s harbour, where inbound vessels were asked to slow to 11 knots.',
      credit: 'Pacific Coast Images',
    },
    bodyHtml: `
<p>A two-year trial that asked large ships to slow down in the approaches to the port cut underwater noise by almost half and reduced fuel use on the affected stretch by about a fifth, according to a report released by the researchers who monitored it.</p>
<p>Under the trial, container ships, bulk carriers and cruise ships were asked to keep to 11 knots, about 20 kilometres an hour, along a 30-kilometre corridor used by whales feeding in the strait. Participation was voluntary, but 87% of transits met the target by the second year.</p>
<p>“We expected shipping lines to see this as a cost,” said Hannah Ostrowski, a marine acoustician who led the monitoring. “What we found is that many of them save fuel, and the delay is often absorbed by waiting time at anchor that they would have had anyway.”</p>
<h2>Quieter water</h2>
<p>Hydrophones on the seabed recorded the noise of every passing ship. A vessel at 11 knots produced, on average, less than half the acoustic energy of the same vessel at its normal speed. For whales that rely on sound to find food and each other, that difference matters.</p>
<p>No fatal collisions with whales were recorded in the corridor during the trial, compared with three in the two years before it, though the researchers caution that the numbers are too small to draw firm conclusions.</p>
<h2>Fuel and emissions</h2>
<p>Because a ship’s fuel use rises steeply with speed, slowing down saves a disproportionate amount. The report estimates that the trial avoided about 9,000 tonnes of carbon dioxide emissions over two years. In summary, the findings were:</p>
<ul>
<li>underwater noise in the corridor fell by 47% on average;</li>
<li>fuel use on the slowed stretch fell by 18% per transit;</li>
<li>the average added journey time was 14 minutes.</li>
</ul>
<blockquote><p>“Fourteen minutes is less time than a ship often spends waiting for a pilot. For that, the strait gets quieter and the air gets cleaner.”</p></blockquote>
<p>Not all operators were convinced. A representative of a shipping association said the trial worked because it was voluntary and flexible, and warned against making the limit mandatory in bad weather, when ships need speed to steer safely.</p>
<p>The port authority is expected to decide later this year whether to make the slowdown a permanent seasonal measure. The full report and the acoustic data are available on the <a href="https://example.org/strait-slowdown/final-report">trial’s website</a>.</p>
`,
    publishedHoursAgo: 333,
  },
  {
    slug: 'cape-town-womens-football-final-sells-out',
    section: 'culture',
    headline: 'Sold-out final caps a breakthrough season for women’s football in Cape Town',
    standfirst:
      'More than 50,000 people watched the league final in the stadium, a record for a women’s club match in the country. The question now is how to keep them coming back.',
    dateline: 'CAPE TOWN',
    authors: ['ji-won-park', 'lucia-ferreira'],
    tags: ['Sport', 'Transport'],
    photo: {
      key: 'cape-town-stadium-final',
      scene: 'stadium',
      seed: 8086,
      palette: { skyTop: '#23305e', skyBottom: '#f0a86b', sun: '#fff2c4', ground: ['#3f8f46', '#5a5f73', '#2a2d3a'] },
      alt: 'A packed oval stadium surrounds a striped green pitch at sunset, with four floodlight towers casting beams across the stands under a purple and orange sky.',
      caption: 'A full stadium watches the women’s league final in Cape Town, the first sell-out in the competition’s history.',
      credit: 'Table Bay Photo Agency',
    },
    bodyHtml: `
<p>Two hours before kick-off, the queue for the fan zone stretched past the station and around the corner. By the time the teams walked out, every one of the 52,000 seats was taken, and the noise that greeted the first tackle would not have been out of place at any men’s final.</p>
<p>Atlantic Stars beat Highveld United 2–1 to win the league title, with a header from their captain, Lindiwe Mokoena, in the 88th minute. But for many in the crowd the result was almost secondary to the occasion itself: the first sell-out in the history of the women’s league, and a record for a women’s club match in the country.</p>
<p>“I have played in front of 300 people, with my mother shouting louder than anyone,” said Mokoena after the match. “Tonight I could not hear myself think. I will remember that sound for the rest of my life.”</p>
<h2>How the crowds grew</h2>
<p>Attendance across the league has risen sharply over the season. According to figures compiled by the Gazette from club announcements, the average crowd more than doubled, from about 2,400 to just over 5,600. Several factors appear to have helped:</p>
<ul>
<li>matches moved from weekday afternoons to weekend evenings;</li>
<li>free travel on match days for ticket holders, funded by a transport sponsor;</li>
<li>school and youth club ticket schemes, which accounted for about a quarter of all seats sold.</li>
</ul>
<p>The city’s transport authority ran extra trains after the final, and said more than 18,000 spectators had used the free travel offer, the most it has recorded for a single sporting event.</p>
<h2>Keeping them coming back</h2>
<p>Club officials are already thinking about next season. Average crowds remain a fraction of the final’s, and many players still combine football with other jobs or study.</p>
<blockquote><p>“One full stadium is a story. Ten full stadiums is a business. We need the second one.”</p></blockquote>
<p>That was the verdict of Naledi Khumalo, who runs the Stars’ commercial operation and wants the league to sell its broadcast rights separately from the men’s competition for the first time. A proposal is due to be presented to club owners before the new season.</p>
<p>For the fans spilling out into the night, such questions could wait. Zanele Dube, who brought her two daughters to their first match, said they had already asked when the next game was. “They want the shirts,” she said. “I told them: first we learn the players’ names.”</p>
<p>Season statistics and attendance figures for every club are on the <a href="https://example.org/gazette-data/womens-league-attendance">Gazette’s data page</a>.</p>
`,
    publishedHoursAgo: 1,
  },
  {
    slug: 'george-town-hawkers-write-down-recipes',
    section: 'culture',
    headline: 'George Town’s hawkers are writing down the family recipes they never measured',
    standfirst: 'An archive project pairs veteran street cooks with young volunteers who taste, weigh and record each dish before the knowledge is lost.',
    dateline: 'GEORGE TOWN',
    authors: ['ji-won-park'],
    tags: ['Food', 'Arts', 'Trade'],
    photo: {
      key: 'george-town-market-evening',
      scene: 'market',
      seed: 3141,
      palette: { skyTop: '#f0b27a', skyBottom: '#fde3c0', sun: '#e8603c', ground: ['#e3c3a0', '#2a9d8f', '#6b5344'] },
      alt: 'Market stalls with red and teal striped awnings stand before pale buildings under an apricot sky and a low red sun, with a line of lights overhead and silhouetted shoppers.',
      caption: 'Fruit sellers set up beside the hawker stalls of an evening market in George Town.',
      credit: 'Straits Image Bank',
    },
    bodyHtml: `
<p>Lim Ah Choo has made the same noodle soup at the same corner stall for 46 years, and has never once used a measuring spoon. When a volunteer asked her how much shrimp paste went into the broth, she held up a hand, curled her fingers into a loose cup and said: “This much. Sometimes a little more.”</p>
<p>The volunteer, a 23-year-old food science student named Aisyah Rahim, spent the next three mornings at the stall with a digital scale, weighing every ingredient before Mrs Lim added it to the pot. The result is a two-page recipe, with photographs, that now sits in a growing archive of the island’s street food.</p>
<h2>Racing the clock</h2>
<p>The project, run by a local heritage group with a small grant from a cultural foundation, has recorded 58 recipes in its first year. Its organisers say they are working against time. Many of the city’s best-known hawkers are in their 60s and 70s, and fewer of their children want to take over stalls that demand 14-hour days in the heat.</p>
<p>“When a stall closes, the building stays and the street stays, but the taste disappears,” said Goh Wei Ling, who coordinates the archive. “We cannot keep every stall open. We can at least make sure the knowledge is not lost.”</p>
<p>Each recipe is recorded in the same way:</p>
<ol>
<li>the hawker cooks the dish normally while a volunteer watches and takes notes;</li>
<li>the volunteer weighs every ingredient on a second and third visit;</li>
<li>the volunteer cooks the dish at home, and the hawker tastes it and suggests corrections.</li>
</ol>
<p>The third step is the hardest. “Uncle told me my sauce was ‘too polite’,” said one volunteer. “It took me four tries to understand he meant more chilli.”</p>
<h2>Not everyone wants to share</h2>
<p>Some hawkers have declined to take part, worried that publishing a recipe would let competitors copy it. The archive now lets cooks choose whether their recipe is public or held privately for their own family, to be released only with their permission.</p>
<p>Mrs Lim chose to make hers public. Her grandson works in an office in Kuala Lumpur and has no plans to take over the stall, she said, so the recipe might as well feed someone.</p>
<blockquote><p>“If somebody in another country cooks my soup one day and it tastes right, then I am still cooking.”</p></blockquote>
<p>The archive is free to browse on the <a href="https://example.org/hawker-archive">project’s website</a>, where each recipe appears in English, Malay and Chinese. The group plans to publish a printed edition next year, with proceeds shared among the participating cooks.</p>
`,
    publishedHoursAgo: 150,
  },
  {
    slug: 'mountain-village-choir-records-old-songs',
    section: 'culture',
    headline: 'A mountain village choir is recording the songs its grandparents sang',
    standfirst:
      'In a valley where winters still cut villages off for weeks, a choir of farmers and teachers is preserving a tradition of three-part singing and the dialect it is sung in.',
    dateline: 'MESTIA',
    authors: ['ji-won-park'],
    tags: ['Arts', 'Housing'],
    photo: {
      key: 'caucasus-peaks-dusk',
      scene: 'mountains',
      seed: 6604,
      palette: { skyTop: '#3a4f86', skyBottom: '#f2b48a', sun: '#ffd98e', ground: ['#7d6f9a', '#4c4a6e', '#27344a'] },
      alt: 'Snow-tipped mountains glow pink and violet behind a dark ridge and silhouetted pine trees, with a golden sun in a deep blue evening sky.',
      caption: 'Evening falls over the upper Svaneti valley near Mestia, where the choir rehearses in a former schoolroom through the winter.',
      credit: 'Caucasus Light',
    },
    bodyHtml: `
<p>The rehearsal room is a former schoolroom with a wood stove in one corner and a single bare bulb. Eleven singers stand in a half-circle, coats still on, and the oldest of them, an 81-year-old retired shepherd, hums a note. Then the three voices come in, one above the other, in harmonies that sound at once ancient and strangely modern.</p>
<p>The choir was formed eight years ago by Nino Gelovani, a music teacher who returned to the valley after two decades in the capital. She noticed that the songs she remembered from her childhood weddings and funerals were being sung less, and by fewer people, each year.</p>
<p>“When I was a girl, every family had someone who could lead a song,” she said. “When I came back, there were perhaps five people left who knew the old words. Three of them are in this room.”</p>
<h2>Songs in a fading dialect</h2>
<p>Many of the songs are in a local dialect that is rarely written down and is spoken fluently mainly by older residents. Linguists consider it endangered, and the choir’s recordings have become an unexpected resource for researchers studying it.</p>
<p>The choir records every song it learns, with the words transcribed and translated, and deposits the files with a university sound archive. So far it has recorded 74 songs, including work songs for harvesting hay, laments, and a long ballad about a flood that nobody in the village can date.</p>
<p>“Sometimes a singer remembers a verse that nobody else knows,” said Levan Kvitsiani, a linguist who visits the choir twice a year. “For a language with so little written record, a song can be the only place an old word survives.”</p>
<h2>A valley filling up again</h2>
<p>The choir’s revival has coincided with a modest return of younger families to the valley. A paved road, improved winter snow clearing and a growing number of walkers have made it possible to earn a living from guesthouses and small farms, and several long-empty stone houses have been restored in the past five years.</p>
<p>Four of the choir’s members are under 30. One of them, Ana Japaridze, came back from the city to open a guesthouse in her grandmother’s house and joined the choir in her first winter.</p>
<blockquote><p>“I knew the tunes, but not the words. Now I sing them to my guests in the evening, and they always ask what they mean. I have to learn the meaning before I can explain it.”</p></blockquote>
<p>The choir will perform at a festival in the capital in the summer, its first concert outside the valley. A selection of its recordings can be heard on the <a href="https://example.org/valley-choir/recordings">choir’s archive page</a>.</p>
`,
    publishedHoursAgo: 398,
  },
];
