/**
 * Word lists the normaliser uses: SMS spellings and contractions to expand, the long keywords
 * worth correcting a typo towards, and the ordinary words that sit one typo away from a keyword
 * and must be left alone ("cancer" is not "cancel", "remote" is not "remove").
 * Written in plain spelling; `normalize.ts` squeezes them like the text it compares them with.
 * Kept as small text tables so a reviewer reads them as lists, not as code.
 */

/** `plain form <- tokens that mean it`, one line per plain form. Tokens are whole words. */
const EXPANSION_TABLE = `
yes <- yep yup yeah yea yeh yah yas yesh yessir ys si
no <- nope nah naw nop nada
ok <- okay okey okie oki k kay okk
please <- pls plz plse pleas pleae plez
thanks <- thx thnx thnks thanx thks tnx tx ty tyvm
thank you <- thankyou
sorry <- sry srry
you <- u
your <- ur
are <- r
people <- ppl
because <- bc cuz cos
i am <- im
i have <- ive
i would <- id
i will <- ill
you are <- youre
you will <- youll
do not <- dont dnt
does not <- doesnt dosent
did not <- didnt
is not <- isnt aint
are not <- arent
was not <- wasnt
can not <- cant cannot
could not <- couldnt
will not <- wont
would not <- wouldnt
have not <- havent
has not <- hasnt
should not <- shouldnt
who is <- whos
what is <- whats wats
what <- wat wut
how is <- hows
where is <- wheres
that is <- thats
there is <- theres
going to <- gonna
want to <- wanna
got to <- gotta
i do not know <- idk
let me know <- lmk
of course <- ofc
definitely <- def definately definetly defintely deffo
probably <- prolly probly
though <- tho
through <- thru
right now <- rn
at the moment <- atm
tomorrow <- tmrw tmr tmrow tomoro 2moro 2morrow
today <- 2day
tonight <- tonite 2nite
before <- b4
later <- l8r ltr
week <- wk
weeks <- wks
weekend <- wknd
months <- mos
years <- yrs
text <- txt
texts <- txts
texting <- txting txtin textin
message <- msg mssg
messages <- msgs
number <- num nbr
unsubscribe <- unsub
`;

function parseTable(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.trim().split('\n')) {
    const [plain = '', tokens = ''] = line.split('<-').map((part) => part.trim());
    for (const token of tokens.split(/\s+/)) map.set(token, plain);
  }
  return map;
}

/** Token -> its plain form (may be several words). */
export const EXPANSIONS: ReadonlyMap<string, string> = parseTable(EXPANSION_TABLE);

/** Keywords a longer token may be one typo away from ("intrested", "unsubscibe"). */
export const TYPO_TARGETS: readonly string[] = `
interested interest blowing selling current house weekend unsubscribe unsubscribed texting messaging messages message contacting
harassment harassing already expensive afford definitely absolutely details information
spamming number please thanks bothering stopall interesa interesado equivocado mensajes
escribas tomorrow afternoon morning evening husband remove person subscription`
  .trim()
  .split(/\s+/);

/**
 * Words of the other-language rules a typo is corrected towards in folded text ("Sisapnn" ->
 * "sispann", "tranqiulle" -> "tranquille"), written folded (no accents). Five letters or more.
 */
export const WORLD_TYPO_TARGETS: readonly string[] = `
sispann resevwa tranquille desabonner desinscrire desinscription descadastrar descadastre
escriban escribas manden mandes envien contacten mensajes mensagens mensagem cotizacion
informacion pensar tigilan itigil burahin tanggalin alisin listahan interesado interesada
enterese interesse interessado deixe deixem numero nimewo arretez arreter ecrivez envoyez
contactez remova apague quitenme saquen eliminen borren equivocado errado mauvais trompe
occupe ocupado ahora khong hindi salamat gracias obrigado merci ankou tanpri supprimez apaguem
kanpe quiten pensarlo hablar devis orcamento ayoko mandarme enviarme escribirme contactarme
pakitanggal udalite otpishite agora paren quero pishi pozzhe panse semana tarde pwochen
prochain remove tigil mamaya pishite recevoir dostali retirez retirem quiero uberite cuando pueden passar pakitigil ititigil nangungupahan saquenme ihinto interesno interessee tenemos passez prochaine detalhes depois confirm samdi transfere depend ahorita pararem bezwen sexta funciona mapapatigil lleguen recibir removam desativo trankil coordonnees renmen comment arret installer partante gusto kounye borrenme pusimos agendar number thong chega zvonite randevou basta procedure appartenait padalhan matigil enfomasyon thang rentree dezabone block cancel kijan report ngayon tenho weekend empiezan empezamos comenzar
comecar receber apres mensagem informacoes perezvonite rappelez maintenant avant enviar pouvez detay desabonne enleve anytime souhaite textos denunciar chercher vuelvan apaga retire borrenlo buyao vraiment enlevez rapote ngung prefererais contacto`
  .trim()
  .split(/\s+/);

/** Short words a typo with two letters swapped is corrected towards ("tetxs", "tehse", "thnik"). */
export const SWAP_TARGETS: readonly string[] = 'texts text these think quote stop knock never would'.split(
  ' ',
);

/** Words after which "ya" is Spanish "already" or Russian "I", not "yes" ("ya tenemos", "ya ne"). */
export const NOT_YES_AFTER_YA: ReadonlySet<string> = new Set(
  `no tengo tenemos tiene tienen tenia me te se lo la le les estoy estamos esta es hay basta compramos
  instalamos contamos ne ni estuvo les dije vendimos vendi vendio votamos vote habia
  conseguimos consegui encontramos encontre arreglamos cambiamos reparamos hicimos dijo deja compre pas pare nos pagamos pague firmamos firme contratamos terminamos termine une un des du quelqu personne rien`.split(
    /\s+/,
  ),
);

/** Words before which "si" is an "if": Creole pronouns ("si m gen TPS") and Spanish verbs ("si no tengo", "si vivo en", "si dejo de pagar"). */
export const SI_IF_BEFORE: ReadonlySet<string> = new Set(
  'm mwen ou nou li yo no tengo vivo hay necesito nunca dejo cancelo'.split(' '),
);

/**
 * Words after which "si" is not the Spanish yes: the Tagalog article before a name ("hindi ko
 * kilala si Sam"), the Creole and French "if" ("e si m deplase", "et si je déménage") and the
 * Spanish "what happens if" ("qué pasa si…").
 */
export const SI_NOT_YES_AFTER: ReadonlySet<string> = new Set(
  'ako ko po hindi sino kilala kakilala kay ni ba na yung ang ito to asan nasaan wala si muna e epi men et bac sirve funciona vale importa pasa pasaria ocurre sucede'.split(
    ' ',
  ),
);

/**
 * Real words of the other languages one edit from a world target: never "corrected"
 * (Portuguese and Spanish "cancelo", "cancela" are not a typo of "cancel").
 */
export const WORLD_NOT_TYPOS: ReadonlySet<string> = new Set(
  'cancelo cancela cancele cancelen cancelas'.split(' '),
);

/** Real words one edit from a target: never "corrected". */
export const NOT_TYPOS: readonly string[] = `
remote removed cancer pleased massage testing interests detail retails numbed lumber humber
texted passage mourning`
  .trim()
  .split(/\s+/);
