/**
 * The few ways a reply says an opt-out word without asking to stop (issue 12, fresh.csv):
 * a question about the keyword ("what happens if I text STOP?", "it says reply STOP but who is
 * this"), asking whether a contract can be cancelled later, a negated stop ("arretez pas",
 * "pa sispann", "wag kayo titigil"), and idioms ("je n'arrête pas d'y penser", "parar de pagar
 * caro", "거부할 이유가 없네요", "Хватит ли", "arrêt de bus", "Do Not Disturb While Driving").
 * An opt-out rule is set aside only when the words it matched lie inside one of these phrases,
 * so "what happens if I text STOP? stop texting me" stays an opt-out: the wording stays generous.
 * Patterns read folded text (see `world-rule.ts`); `?` is a word of its own there.
 */
import { allMatches } from './rule.js';
import { fold } from './world-rule.js';

const STOP = '(?:stop|arret|cancel\\p{L}*|opt out|baja|pare|parar|sair|стоп|отпис\\p{L}*|отказ\\p{L}*)';
const ANY = '(?: \\p{L}+){0,6}';

const ASKS = [
  // A question about the keyword itself: "if I text STOP ...?", "si je reponds STOP", "STOP 보내면".
  `(?:what happ\\p{L}*|а если я|что будет|que pasa si|kisa k ap rive|o que acontece|qu est ce qui (?:arrive|se passe)|sa k ap pase|kisa k ap pase)${ANY} ${STOP}\\p{L}*(?: \\p{L}+)*|(?:what happens|what if|if i|if we|que pasa si|y si|si|se|se eu|kung|kisa k ap rive|si m|(?:ka)?pag nag|neu|а если|если)${ANY} ${STOP}\\p{L}*(?: \\p{L}+)*(?: \\?|.* \\?)`,
  // "If I say yes and later change my mind, does texting STOP stop the calls too?"
  `(?:if i|si digo|si je dis|se eu disser|se eu falar)(?: \\p{L}+){0,12} ${STOP}\\p{L}*(?: \\p{L}+)*`,
  `(?:le )?stop c est pour(?: \\p{L}+)*`,
  // Quoting our own instruction: "it says reply STOP to opt out but who is this".
  `(?:(?:it|text|message|msg|sms) says|says to|dice|ca dit|message dit|c est ecrit|li di|sabi(?! ko)|ghi|тут написано|написано)${ANY} stop\\p{L}*${ANY}`,
  // Cancelling a contract later, asked: "can I cancel later?", "da pra cancelar depois?".
  `(?:can i|could i|can we)(?: still| always)? (?:stop|cancel\\p{L}*|opt out|quit|unsubscribe)(?: \\p{L}+){0,2} (?:anytime|any time|later|whenever|after)(?: \\p{L}+)*`,
  `(?:est ce que )?(?:je peux|on peut|puis je|peut on) (?:arreter|annuler|resilier)(?: \\p{L}+){0,3} (?:quand je veux|quand on veut|n importe quand|plus tard|apres)(?: \\p{L}+)*`,
  `(?:puedo|podemos|se puede) (?:parar|cancelar|detener)(?: \\p{L}+){0,3} (?:cuando (?:quiera|quieras|queramos)|despues|luego|en cualquier momento)(?: \\p{L}+)*`,
  `а если (?:\\p{L}+ ){0,3}(?:захочу|захотим|захотите) (?:отписаться|отказаться|прекратить|остановить)(?: (?:\\p{L}+|\\?))*`,
  `(?:paano|pano)(?: (?:po|ko)){0,2} (?:mag ?|i ?)stop(?: \\p{L}+){0,3} (?:kung|pag|kapag) (?:sakali|sakaling|ayaw (?:ko|namin|na) na|gusto (?:ko|namin) na)(?: \\p{L}+)*`,
  // Which script the keyword takes: "А STOP надо писать латиницей или можно по-русски?".
  `(?:а )?(?:stop|стоп) (?:надо|нужно) (?:писать|отправлять|набирать)(?: (?:\\p{L}+|\\?))*`,
  `neu (?:\\p{L}+ ){0,4}(?:muon|can) (?:ngung|dung|huy)(?: (?:\\p{L}+|\\?))* (?:ha|a|khong|ko)(?: \\?)?`,
  `(?:ca veut dire quoi|que veut dire|veut dire quoi)${ANY} ${STOP}${ANY}`,
  `ano (?:po )?(?:ang )?ibig sabihin(?: \\p{L}+)*`,
  `если (?:я )?(?:отпишусь|откажусь)(?: \\p{L}+)*`,
  `a esli (?:\\p{L}+ ){0,2}(?:zahochu|zakhochu|zaohchu)(?: \\p{L}+)*`,
  `if i (?:reply|text|send|say|type) stop (?:will|would|does|do) (?:that|it|this)(?: \\p{L}+)*`,
  `pwede (?:ko|ba|ko ba) (?:ba )?i ?stop(?: \\p{L}+)*`,
  `как работает (?:отписка|отписаться|stop|стоп)(?: \\p{L}+)*`,
  `paano (?:po )?kung(?: \\p{L}+)*`,
  `neu (?:\\p{L}+ ){0,4}muon (?:ngung|dung|huy)(?: \\p{L}+)* (?:lam sao|chu gi|the nao)`,
  `si je m inscris(?: \\p{L}+)*`,
  // Korean: "스탑 보내면 더 안 오는 건가요?", "그만 받고 싶으면 stop 치면 되는 거죠".
  '(?:스탑|스톱)\\s?(?:보내면|하면)',
  '(?:스탑|스톱)\\s?(?:이라고|라고)\\s?보내면',
  '(?:stop|스탑|스톱)\\s?(?:치면|보내면|하면)[^?]{0,12}(?:되는|돼|되나)',
  '(?:stop|스탑|스톱)\\s?보내면[^?]{0,20}(?:되는\\s?건가요|되나요|돼요)',
  '(?:그만|안)\\s?받고\\s?싶으면[^?]{0,30}(?:되는|돼|되나)',
  `pra que serve(?: (?:\\p{L}+|\\?))*`,
  `how (?:do|can|would) i stop(?: \\p{L}+){0,4} (?:later|if)(?: \\p{L}+)*`,
  // Asking ahead how stopping would work: "si digo que sí y luego me arrepiento, ¿cómo lo paro?".
  `(?:y )?si despues (?:ya )?no quiero(?: \\p{L}+)*|si digo que si(?: \\p{L}+)*|si (?:m|mwen) di wi(?: \\p{L}+)*`,
  `comment on fait pour arreter(?: \\p{L}+)* (?:plus tard|si je)(?: \\p{L}+)*|(?:koman|kouman) pou (?:m|mwen) fe sispann(?: \\p{L}+)* (?:pita|si)(?: \\p{L}+)*`,
  `como (?:faco|eu faco) (?:pra|para) parar de receber (?:depois|mais tarde)(?: \\p{L}+)*|paano mag ?stop(?: \\p{L}+)* pero(?: \\p{L}+)*`,
  `how (?:does|do|would|will) (?:the |this |that |your )?(?:stop|opt out|unsubscrib\\p{L}*)(?: \\p{L}+)*`,
  `(?:scam|budol|modus|spam) (?:ba|po ba)(?: to| ito| yan| kayo| ito)?`,
  `(?:can i|could i|luego|despues|depois|apres|da pra|posso|est ce que je peux|eske m ka)${ANY} (?:cancel\\p{L}*|annul\\p{L}*|anile|opt out)${ANY}(?: \\?|.* \\?)`,
  'opt out fee',
  `(?:es|esto es|is this|is it|c est|isso e|e) (?:un |una |a |um |uma )?(?:scam|estafa|fraude|golpe|arnaque)(?: o que| ou quoi| \\?)?`,
  `если(?: я)? (?:отвечу|напишу|отправлю|ответить|написать|нажму)${ANY} ${STOP}(?: \\p{L}+)*`,
  `neu(?: \\p{L}+){0,4} ${STOP}(?: \\p{L}+){0,3} (?:thi sao|sao)`,
  `neu(?: \\p{L}+){0,4} ${STOP} thi(?: \\p{L}+){1,6} (?:ko|khong|hong|khong a)(?: \\?)?`,
  `(?:ano (?:po )?(?:ang )?mangyayari|paano kung)${ANY} ${STOP}${ANY}`,
  'stop\\s?(?:이라고|라고)?\\s?(?:(?:답장|답|회신|보내)\\s?)?(?:하면|면)',
  '是不是(?:诈骗|骗子|骗人|詐騙|騙子|騙人)|(?:诈骗|骗子|騙子|詐騙)(?:吗|嗎|吧)',
  // What the keyword means: "what does reply STOP mean", "c'est quoi le STOP".
  `(?:what does|what is|whats|c est quoi|que significa|que quiere decir|o que (?:e|significa)|что значит|что такое)${ANY} ${STOP}${ANY}`,
  `${STOP}(?! no means no)${ANY} (?:mean|means|significa|veut dire|значит)${ANY}`,
  '(?:отписаться|отказаться|отменить)(?: \\p{L}+){0,3} можно(?: \\p{L}+){0,2}',
  'stop\\s?(?:会|會|是什么|是什麼|什么意思|什麼意思)',
  '(?:取消|解除)(?:合同|合約|合约)',
  '(?:回复|回覆|回|发|發)\\s?stop\\s?(?:的话|的話|以后|之后|之後)',
  '写\\s?回复\\s?stop\\s?退订',
  '(?:以后|之后|以後|之後)可以取消',
  '是骗子吗|是騙子嗎',
  'stop\\s?(?:만|이라고|라고)?\\s?(?:보내면|보내라는데|보내라고)',
  '(?:수신\\s?거부|그만\\s?받으)\\s?(?:하려면|려면)[^?]{0,30}(?:stop|스탑|스톱)[^?]{0,20}(?:되나요|돼요|되죠|하나요|\\?)',
  '(?:그만|안)\\s?받고\\s?싶으면[^?]{0,24}(?:되나요|돼요|하나요|\\?)',
  '如果[^。]{0,30}(?:stop|停)[^。]{0,12}(?:吗|嗎|就得|就可以|就行)',
  '如果[^？?。]{0,16}(?:想|要)\\s?(?:stop|停|取消)[^。]*',
  '如果[^。]{0,10}(?:回复|回覆|回|发|發)\\s?stop[^。]{0,30}(?:是不是|会不会|會不會|吗|嗎)',
  '(?:點樣|点样|怎样|怎樣|怎么|怎麼)(?:先)?可以取消\\s?[？?]?(?=\\s?如果(?:之后|之後|以后|以後))',
  '如果(?:之后|之後|以后|以後)?[^？?]{0,12}(?:唔想|不想)(?:再)?收[^？?]{0,20}(?:就得|就可以|就行|怎么|怎麼|要怎)[^？?]{0,8}',
  'lua dao (?:ha|a|sao|khong|phai khong|phai ko)(?: \\?)?',
  '(?:co |hay )lua dao(?: (?:vay|ko|khong|ha|a|sao))?',
  'хватит ли',
  // Asking whether a contract can be cancelled later: "можно потом отказаться от договора?", "나중에 해지 가능한가요?".
  '(?:можно|могу|можем|смогу)(?: \\p{L}+){0,3} (?:отказаться|отменить|расторгнуть)(?: \\p{L}+){0,4}',
  '(?:해지|취소)\\s?(?:도|가)?\\s?(?:가능|되나|돼요|할\\s?수)',
];

/** Negated or idiomatic stops; the reply goes on to the other categories. */
const PHRASES = [
  `(?:n |ne )?arr[eê]t\\p{L}* (?:surtout |surtotu |jamais |donc )?(?:pas|rien)(?: d \\p{L}+| de \\p{L}+)?`,
  `on arr[eê]te la pour le moment`,
  `(?:je )?m arr[eê]t\\p{L}* (?:a|au|chez|pour|devant)`,
  // Can't stop laughing, don't stop working: "j'peux pas m'arrêter de rire", "não consigo parar de rir".
  `arr[eê]ter de (?:rire|pleurer|penser|sourire)|parar de (?:rir|chorar|sorrir|reir|llorar)|no paren de (?:trabajar|luchar|crecer|sonreir)|(?:nao|n) parem com o trabalho`,
  // A negated stop followed by interest: "não pare, quero saber mais", "đừng dừng lại, tôi quan tâm".
  `(?:nao|no) (?:pare|parem|pares|paren) (?:nao|no)(?: \\p{L}+){0,4}`,
  `(?:nao|no) (?:pare|parem|pares|paren)(?: \\p{L}+){0,12}? (?:quero|quiero|tenho|tengo|me interesa|sigan|continu\\p{L}*)`,
  `(?:nao|no) (?:pare|parem|pares|paren)(?: \\p{L}+){0,2} (?:quero|quiero|tenho|tengo|me interesa|estou|estoy|sigan|continu\\p{L}*)`,
  `dung (?:dung|ngung)(?: lai)?(?: \\p{L}+){0,3} (?:quan tam|muon|thich|gui|nhan)`,
  // Creole "pare" is "ready", not the Portuguese "stop": "m poko pare".
  `(?:poko|pako|pa|pa t) pare`,
  `не (?:останавливайтесь|прекращайте|переставайте)`,
  `arr[eê]t d (?:autobus|bus)|arr[eê]t de (?:bus|tram|metro)`,
  `(?:pa|pa ka|p ap|pa bezwen) sispann\\p{L}*(?: \\p{L}+){0,3}`,
  // Cancelling an appointment is not cancelling the texts: "tuve que cancelar la cita del martes".
  `cancel\\p{L}* (?:\\p{L}+ )?(?:la cita|mi cita|a consulta|a limpeza|o horario|my appointment|the appointment|mon rendez vous|le rendez vous|randevou)`,
  `no paro de \\p{L}+|no (?:paren|pares|detengan) (?:los|las|mis|sus) (?:recordatorios|avisos)|no (?:puedo|pude|podia) parar de \\p{L}+|sispann travay|pa janm sispann`,
  `arr[eê]t\\p{L}* de chercher|sispann cheche|(?:paramos|parei) de procurar`,
  `(?:wag|huwag|hwag)(?: \\p{L}+){0,3} (?:titigil|tumigil|itigil|i ?stop|mag ?stop)\\p{L}*`,
  `(?<!(?:dije|dijo|dijimos) que )no (?:paren|dejen|deje|dejes) de (?:mand|envi|escrib|avis)\\p{L}*(?: \\p{L}+){0,3}|(?:khong|ko) (?:con )?tin (?:nua|duoc)|dung (?:stop|ngung)(?: nha| nhe)?|не надо (?:стоп|stop)|(?:estoy |me tienen |ando )?hart[oa]s? de pagar\\p{L}*|(?:estoy |ando )?cansad[oa]s? de pagar|(?:меня )?(?:точно )?удалят \\?|no (?:es|era) (?:un )?stop|перестан\\p{L}* платить|не (?:отписывайте|удаляйте|останавливайте|прекращайте)\\p{L}*|(?:потом|позже|попозже) отпишусь|отпишусь (?:потом|позже)`,
  `parar de (?:pagar|gastar|sofrer|perder)\\p{L}*|vamos parar por aqui por enquanto`,
  `cancel\\p{L}* com a outra|cancel\\p{L}* (?:con|with) (?:la|the) (?:otra|other)`,
  'do not disturb while driving|driving with do not disturb',
  // Ending a contract, asked about: "can I stop the financing early if I sell?", "dá pra parar o contrato?".
  `(?:stop|cancel|end) (?:the |my )?(?:financing|contract|lease|loan|plan)|arr[eê]t\\p{L}* (?:le|mon|notre) (?:contrat|financement|pret|bail)|parar (?:o|a) (?:contrato|financiamento)`,
  // "Arrête, c'est trop beau pour être vrai": "no way", not "stop".
  `arr[eê]te(?=(?: \\p{L}+){0,3} (?:trop beau|pas vrai|pour de vrai|serieux|une blague|vraiment gratuit))`,
  `stop (?:kidding|joking)|stop playing(?=.* \\?)|stop it(?=.* (?:how is that|is that (?:even )?(?:possible|real|true)|no way|for real))`,
  `(?:di|hindi) pa (?:naman )?ako nag(?: o)? (?:opt out|stop)`,
  `(?:nao|no) (?:para|pare|parem) de (?:mandar|enviar)\\p{L}*(?: \\p{L}+){0,3} nao`,
  `(?:мы|я) (?:уже )?отказал\\p{L}*(?! от (?:рассылки|сообщений|смс))`,
  `eske (?:m|mwen) oblije(?: \\p{L}+)*`,
  `eske (?:m|mwen) ka sispann(?: \\p{L}+)*`,
  `se eu pedir (?:pra|para) parar(?: \\p{L}+)*`,
  `pa retire (?:m|mwen)(?! nan| sou)`,
  // "Don't delete my number" and "I won't unsubscribe": "pa efase nimewo m", "não apaga meu número", "Отписываться не буду".
  `pa (?:efase|retire|wete) (?:nimewo|non|enfomasyon)(?: (?:m|mwen))?|(?:nao|n) (?:apaga|apague|apaguem|tira|tire|tirem|remove|remova|removam|exclua|exclui|excluam|delete|deletem) (?:o )?(?:meu|o meu) (?:numero|contato|cadastro)`,
  `отпис\\p{L}* не (?:буду|будем|стану|станем)|не (?:буду|будем|стану|станем) отпис\\p{L}*`,
  // "Don't let the promo stop" and "when does the promo end?": "q no pare la promo", "ça s'arrête quand la promo?".
  `(?:q|que) no (?:pare|paren|se acabe) (?:la|el|las|los) (?:promo\\p{L}*|oferta\\p{L}*|descuento\\p{L}*|rebaja\\p{L}*)|s arr[eê]t\\p{L}* quand (?:la|l|le|votre|cette|ce) (?!pub|spam|harcelement)\\p{L}+|(?:la|l|le|votre|cette|ce) (?!pub|spam|harcelement)\\p{L}+ s arr[eê]t\\p{L}* quand`,
  `if i (?:say yes|sign up|sign)(?: \\p{L}+)* (?:how do i|can i)(?: \\p{L}+)*`,
  `стоп(?= (?:а )?это вы (?!(?:мне )?(?:пишете|шлете|присылаете))(?:\\p{L}+ ){1,8}\\?| а(?: \\p{L}+){1,8} \\?| а (?:\\p{L}+ ){0,3}(?:кто|что|это|сколько|откуда|правда|как|где|зачем|почему))`,
  `(?:nao|n) parem nao|(?:nao|n) para nao|(?:nao|n) parem de tentar`,
  `pas besoin d arr[eê]ter(?: \\p{L}+){0,3}|(?:nao|n) parem de mandar(?: \\p{L}+){0,6}? (?:procura|procurando|quero|interess\\p{L}*)|(?:co )?phai lua dao`,
  // Stopping something else: "ya paré de manejar", "j'ai arrêté de conduire", "sans arrêt".
  `(?:ya )?pare de (?:manejar|fumar|trabajar|tomar)|(?:j ai )?arr[eê]t\\p{L}* de (?:conduire|fumer|travailler|boire)|sans arr[eê]t|sin parar|sem parar`,
  `sispann jwe|sispann peye|(?:pare )?stop by (?:ka|kayo|po|kami|dito)|para de brincadeira(?: \\p{L}+){0,4}|para com (?:a )?brincadeira|stop playing(?= (?:is|are|for real|fr|really|seriously))`,
  `не (?:стоп|stop)(?= (?:а|мне|нам|я|пишите|интересно))|(?:можете )?не (?:останавливать|прекращать|отписывать)\\p{L}*|не имел\\p{L}* в виду (?:стоп|stop)|стоп (?:подождите|погодите)|(?:ko|khong) phai stop(?: dau)?`,
  `pa retire nimewo (?:m|mwen)|(?:nao|n) me tir\\p{L}* da lista|no me (?:saquen|quiten|borren) de la lista|ne me retirez pas|(?:don t|dont|do not) (?:remove|take) me off(?: (?:the|your|ur) list)?`,
  `(?:nao|n) (?:parem|pare) de (?:me )?(?:mandar|enviar) (?:as |os )?(?:promo\\p{L}*|ofertas|novidades|descontos|imoveis|casas|opcoes|carros|lembretes)|(?:nao|n) (?:parem|pare) de (?:me )?avisar`,
  `не звоните(?: \\p{L}+){0,2} пишите`,
  `(?:di|hindi) tumitigil (?:ang|yung) (?:tulo|ulan|sakit)`,
  // Not leaving one's dentist: "hindi ako titigil sa current dentist ko", "我不會停止看我現在的牙醫".
  `(?:di|hindi) (?:ako|kami) titigil sa`,
  // Russian "отпишусь" after a pause is "I'll drop you a line": "посоветуюсь с женой и отпишусь".
  `(?:и|потом|позже|тогда) отпишусь|отпишусь (?:позже|потом|вам|тогда)`,
];

/** Chinese and Korean have no spaces, so these are matched anywhere. */
const ANYWHERE = [
  '(?:사기|스팸|광고)\\s?(?:(?:이에요|예요)\\s?\\?|인가요|이죠)',
  '(?:退订|退訂)[^，。？?]{0,6}(?:吗|嗎)',
  '그만두면|계약\\s?(?:그만|해지|취소)',
  '멈추지\\s?마',
  '그만하지\\s?마',
  '不要停|別停|别停',
  '그만두지\\s?마',
  '(?:사기|스팸|광고)\\s?(?:아니에요|아니죠|아닌가요|인가요)',
  '取消了别家|取消了別家',
  '거부할\\s?이유가\\s?없',
  '그만\\s?(?:고민|생각)',
  '(?:스탑|스톱|stop)\\s?하지\\s?마',
  '(?:스탑|스톱|stop)\\s?말고',
  '(?:스탑|스톱|stop)\\s?(?:은|는)?\\s?안\\s?(?:할|해|하)',
  // Asking how STOP works "just out of curiosity": "문자 stop 하려면 어떻게 해요? 그냥 궁금해서요".
  '(?:스탑|스톱|stop)\\s?하려면\\s?어떻게[^.!]{0,16}궁금',
  '그만\\s?보내라는\\s?(?:말|게)\\s?아니',
  '비가\\s?그만',
  '(?:系咪|係咪|是不是)\\s?(?:scam|spam|骗|騙)',
  '(?:别|別|不要)\\s?stop',
  '(?:别|別)取消',
  '(?:不会|不會)(?:退订|退訂|取消)',
  '(?:不会|不會)停止(?:看|去|用)',
  '그만\\s?다닐',
  '(?:等一下|等等|等下)\\s?stop',
  '不用(?:把我)?(?:取消|停掉|退订|退訂)',
  '(?:不是|没有|沒有)要?(?:取消|退订|退訂)',
];

const folded = (source: string) => new RegExp(source.normalize('NFKD').replace(/\p{M}/gu, ''), 'gu');
const ASKING = folded(
  ASKS.map((p) => (/\p{Script=Han}|\p{Script=Hangul}/u.test(p) ? p : `(?<= )(?:${p})(?= )`)).join('|'),
);
const PATTERN = folded(`(?<= )(?:${PHRASES.join('|')})(?= )|${ANYWHERE.join('|')}`);

/**
 * A word each of the questions above holds (STOP and its kin, cancelling, a scam, the Creole and
 * Tagalog "must I", "if"…): a reply with none of them asks none, and is not run through all of
 * `ASKS`, which most replies would otherwise pay for. Every entry of `ASKS` must hold one of
 * these words: a new entry without one is never tried.
 */
const MENTIONS = new RegExp(
  'stop|stp|arr[eê]t|cancel|annul|anile|opt|baja|par[aeo]|sair|стоп|отпис|отпиш|отказ|откаж|отмен|растор|хватит|scam|estafa|fraude|golpe|arnaque|lua dao|诈骗|詐騙|骗|騙|取消|解除|退订|退訂|停|如果|해지|취소|스탑|스톱|그만|사기|oblije|sispann|ibig sabihin|zahochu|zakhochu|zaohchu|ngung|dung|huy|kung|kanpe|si digo|si m di|si mwen di|despues|pra que serve|inscris|mean|significa|veut dire|значит|unsubscrib'
    .normalize('NFKD')
    .replace(/\p{M}/gu, ''),
  'u',
);

/** The questions of `ASKS` whose pattern names none of the words above: the tests want none. */
export function questionsWithoutAMention(): string[] {
  return ASKS.filter((p) => !MENTIONS.test(p.normalize('NFKD').replace(/\p{M}/gu, '')));
}

/** A question about the opt-out keyword or cancelling ("what happens if I text STOP?"), if the reply asks one. */
export function asksAboutOptOut(text: string): string | undefined {
  return MENTIONS.test(text) ? text.match(ASKING)?.[0] : undefined;
}

/** The phrases of a reply that say an opt-out word without asking to stop. */
export function notOptOutPhrases(folded: string): string[] {
  return [...allMatches(folded, ASKING), ...allMatches(folded, PATTERN)];
}
/** A run of one letter as one: the English rules match squeezed text ("all" reads "al"). */
const squeezed = (text: string) => text.replace(/(\p{L})\1+/gu, '$1');

/** The Latin words of a phrase: what the English rules read of a mixed reply ("если я отправлю STOP, вы удалите и мой email"). */
const latinWords = (text: string) =>
  text
    .split(' ')
    .filter((w) => /^[\p{Script=Latin}\d]+$/u.test(w))
    .join(' ');

/**
 * True when the words an opt-out rule matched all lie inside such a phrase. The English rules
 * read only a reply's Latin words, so their match is also looked for among the phrase's Latin words.
 */
export function insidePhrase(words: string, phrases: readonly string[]): boolean {
  const matched = squeezed(fold(words).trim());
  return (
    matched !== '' &&
    phrases.some((p) => squeezed(p).includes(matched) || squeezed(latinWords(p)).includes(matched))
  );
}

/**
 * Our own text quoted back, then the answer ("“Reply YES for details, STOP to opt out” YES"):
 * the answer is the reply. Only a quote of several words holding STOP counts as ours.
 */
export function withoutOurQuote(body: string): string {
  const quoted = /^\s*["“«„]([^"“”«»„]+)["”»“]\s*(\S.*)$/su.exec(body);
  if (quoted === null) return body;
  const [, quote = '', answer = ''] = quoted;
  const words = quote.trim().split(/[\s,，、]+/u).length;
  return /stop/i.test(quote) && (words >= 3 || quote.length >= 10) ? answer : body;
}
