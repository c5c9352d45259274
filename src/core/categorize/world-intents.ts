/**
 * Wrong number, yes, later, no and questions in the other languages (see `world-rule.ts`).
 * A clear no in any language ("no me interesa", "không quan tâm", "不需要") is read before
 * any yes, so "Sí... no, no me interesa" is never `interested`: `NEGATIVE` blocks the
 * interested family and decides `not_interested` unless a later/wrong-number rule came first.
 */
import type { Rule } from './rule.js';
import { worldRule } from './world-rule.js';

/** Words after "I am not" / "it's not" that are not a name. */
const NOT_NAMES =
  'nous|vous|moi|lui|eux|nha|enterese|vle|bezwen|konnen|gen|kapab|ka|la|interesse|interessado|interesado|sure|sur|besoin|la|pas|знаю|хочу|могу|интересно|надо|нужно|буду|сейчас|занят|khochu|hochu|mogu|znayu|znaju|budu|seichas|sejchas|zanyat|nado|nuzhno|interesno|uveren|uverena|momento|meu|minha|interesse|hora|caso|bem|pra|para|agora|um|uma|dono|dona|proprietario|proprietaria|proprietaire|locataire';
const NAME = `(?!(?:${NOT_NAMES}) |\\p{Script=Cyrillic}+[юу] )\\p{L}{2,}`;

export const WORLD_WRONG_NUMBER_RULES: readonly Rule[] = [
  worldRule(
    'wrong_number.world',
    'wrong_number',
    'says in its language that the number or person is wrong',
    `numero (?:errado|incorreto|equivocado)|engano|nao sou (?:o |a )?${NAME}|mauvais numero|erreur de numero|trompe\\p{L}* de (?:numero|personne)|je ne suis pas ${NAME}|mauvaise personne|pas le bon numero|move (?:nimewo|moun)|(?:se|mwen|m) pa ${NAME}(?= $| men| but)|mali (?:ang |po ang |na )?(?:number|numero)|maling (?:number|numero|tao)|hindi (?:po )?ako si|hindi (?:ko|namin) (?:po )?(?:kilala|kakilala)|pa konn\\p{L}* okenn|nham (?:so|nguoi)|sai so|(?:toi|em) khong phai(?: la)? ${NAME}|не тот номер|ошиб\\p{L}*|не туда|я не ${NAME}(?= $| но)|(?:este|ese) no es (?:el )?(?:numero|telefono|cel|celular) de|equivoc\\p{L}*|no conozco a|(?:es )?de otra persona|no soy yo(?= $)|nao (?:e|eh) (?:o |a |d[oa] )${NAME}(?= $)|nao (?:e|eh) d[oa] ${NAME}|c(?:e)? n est pas moi|c est pas moi|personne (?:de ce nom|qui s appelle)|vous vous (?:etes )?tromp\\p{L}*|twonpe\\p{L}*|se pa nimewo|hindi (?:po )?(?:ito|to|eto) si|(?:cua )?nguoi khac|это не ${NAME}(?= $)|(?:здесь |тут )?(?:такого|таких) (?:здесь |тут )?нет|нет такого|номер не тот|no conozco a (?:ningun|ninguna|nadie)|aqui no (?:hay|vive) (?:ningun|ninguna|nadie)|(?:c|ce) n est pas (?:le )?(?:numero|telephone|portable|tel) de|pas de ${NAME} ici|pa gen (?:okenn )?${NAME} (?:isit|la a)|nao (?:tem|conheco|existe) nenhum|walang ${NAME} (?:dito|dyan|rito|diyan)|(?:so nay|so do|day) khong phai|khong biet ${NAME} la ai|khong co ai ten|(?:неверн|неправильн|чуж)\\p{L}* номер|не мой номер|нет (?:никакого|никакой|такого|такой)|ya ne ${NAME}(?= $| no)|ne tot nomer|oshib\\p{L}*|(?:se )?enganou\\p{L}*|je suis pas ${NAME}(?= $| mais| desole| c est| vous)|(?:ce|c) n est pas ${NAME}(?= $| ici| icitte)|khong phai (?:la )?(?:anh|chi|em|ba|ong|co|chu|bac|thim|di) ${NAME}|(?:khong|ko|k) co ai ten|nhan nham (?:nguoi|so)|wala (?:pong|po|ng) ${NAME} (?:dito|dyan|rito|diyan)|mali (?:po )?(?:kayo|ka) ng (?:na ?)?(?:text|tinext)|you (?:must |probably )?(?:meant|mean|want|are looking for) my (?:dad|mom|father|mother|husband|wife|son|daughter|brother|sister|grandpa|grandma)|bago na (?:po )?(?:ang )?may ari|wala na (?:po )?(?:yung|ang) hinahanap|(?:это )?теперь (?:это )?мой номер|прежний владелец|(?:esse|este) numero (?:agora )?(?:e|eh) meu|nao conheco ningu\\p{L}*|numero n est plus (?:a|celui|le sien)|ne connais? pas (?:cette personne|ce nom|de \\p{L}+)|nimewo sa a? pa pou|so (?:nay|nay gio|nay bay gio) (?:gio )?(?:la )?cua (?:toi|minh|em|anh|chi)|khong biet nguoi (?:do|nay|ay|nao)|(?:этот )?номер теперь мой|(?:такого|этого|такую|эту) (?:человека|женщину|мужчину)? ?не знаю|не знаю (?:такого|такую|этого|эту|никакого|никакую)|(?:este |ese )?ya no es (?:el )?(?:numero|telefono|cel|celular) de`,
    '打错|打錯|你(?:们|們)?(?:发|發)(?:错|錯)|(?:发|發)(?:错|錯)人|错人|錯人|(?:号码|號碼)错|(?:号码|號碼)錯|我不是|找错|找錯|잘못\\s?(?:보내|아셨|거셨|거신|된|걸|연락)|아닌데|아닙니다|번호가? 아니|[这這](?:个|個)?(?:号码|號碼|电话|電話)?不是.{1,20}的|[没沒]有叫|[没沒]有?(?:这|這)(?:个|個)人|잘못\\s?(?:누르|입력|아신)|(?:저는|전|저) \\p{L}+ ?(?:이|가)? ?아니|그런 (?:사람|분) 없|\\p{L}+\\s?씨\\s?(?:가\\s?)?아니|(?:号码|號碼)(?:现在|現在)是我|(?:라는|이라는)\\s?(?:사람|분)\\s?(?:없|안)|새로\\s?받은\\s?(?:번호|거)|전\\s?주인|不(?:认识|認識)(?:这个人|這個人|他|她|此人)|제\\s?번호(?:예요|에요|입니다)|그분\\s?(?:모르|몰라)',
  ),
  worldRule(
    'wrong_number.world_new_owner',
    'wrong_number',
    'says in its language the number has a new owner',
    `ya no es de ${NAME}|pas de ${NAME}(?= $)|aucun(?:e)? ${NAME} a ce numero|moi c est ${NAME}|se pa bon moun|mwen se ${NAME}(?= $)|vous devez confondre|vous confondez|(?:e|eh) o (?:celular|telefone|numero) d[ao] (?:minha|meu)|aqui nao (?:e|eh) (?:o |a )?${NAME}|(?:m|mwen) pa ${NAME} non|se telefon travay|se pa ${NAME} ki la|pas de ${NAME} (?:ici|a ce numero)|appartenait a|est decede\\p{L}*|(?:este )?numero es nuevo|la persona que busca|pa gen okenn \\p{L}+|se pa ${NAME} isit|pa sevi nimewo|j ai ce numero depuis|la personne que vous cherchez|nouvo nimewo|moun (?:ou|nou) ap cheche|pumanaw|ang may ari (?:po )?ng number|n a plus ce (?:numero|telephone|portable)|n appartient (?:plus|pas) a|(?:numero|celular|telefone|cel) (?:\\p{L}+ )?(?:era|e|eh) d[oa] (?:meu|minha) \\p{L}+|trocou de (?:celular|numero|chip)|(?:toi|tui) khong (?:co )?ten ${NAME}|sa akin na (?:po )?(?:yung |ang )?number|wala na (?:po )?dito si|err\\p{L}* (?:o |de )?numero|chanje nimewo|se pa li anko|so nay (?:gio )?(?:toi|tui|minh) (?:xai|dung)|(?:ba|bo|me|ong|chong|vo) (?:toi |tui )?mat roi|li pa rele ${NAME}|se nimewo (?:pitit|manman|papa|mari|madanm)|nguoi cu|pessoa errada|n est plus le numero de|ce n est plus (?:le )?(?:numero|telephone) de|(?:ce )?(?:telephone|numero) est celui de|mali (?:po )?(?:kayo|ka) ng (?:number|numero)|iba na (?:po )?(?:ang )?number|больше не номер|теперь этот номер|khong phai nguoi (?:anh|chi|em|ban) (?:can )?tim|day la so cua (?:me|bo|ba|con|vo|chong)|(?:fe )?ere (?:nimewo|moun)|se pa ${NAME} (?:mwen|m) ye|wala na (?:po )?si ${NAME}|iba na (?:ang )?may ari|(?:numero|telefono|cel|celular) (?:\\p{L}+ )?(?:era|es) de mi (?:hijo|hija|esposo|esposa|mama|papa|hermano|hermana|cunado|cunada|tio|tia|abuelo|abuela|suegro|suegra)|ya no lo tiene|ya no lo usa|ne connais aucun|depuis peu|se pa ${NAME}(?= sa a| la a)|twopne|aqui no es ${NAME}|err\\p{L}* de (?:pessoa|numero)|c est pas ${NAME}(?= $| icitte| ici)|a change de numero|c est le mien|pa gen nimewo sa a?|lon so|doi chu|(?:toi|tui|em|anh|chi) (?:khong|hong|ko) phai ${NAME}|sayop\\p{L}*|другой (?:хозяин|владелец)|новый (?:хозяин|владелец)|ahora es mio|(?:nao|n) (?:e|eh) mais d[oa] ${NAME}|agora (?:e|eh) meu|troquei de (?:chip|numero)|aqui nao tem (?:nenhum|nenhuma|ningu\\p{L}*)|anot\\p{L}* errado|bagong number|bago (?:ko )?lang (?:po )?(?:ang |tong |to )?number|(?:di|hindi) ko kilala (?:si|yung|ang)|(?:di|hindi) ko kilala si|sai nguoi|so (?:nay )?(?:toi |tui |minh |em )?moi (?:mua|lay|dang ky|doi)|(?:khong|ko) biet ai ten|(?:этим )?номером (?:больше )?не пользуется|(?:мой )?новый номер|никако\\p{L}* ${NAME} (?:тут|здесь) нет|(?:тут|здесь) нет никако\\p{L}*`,
    '(?:号码|號碼|号|號)(?:现在|現在)(?:是)?我(?:在)?用|旧号|舊號|早就不用|(?:号码|號碼|号|號)已(?:经|經)不是|刚换的|剛換的|新号|新號|新换的|新換的|不用(?:这|這)(?:个|個)?(?:号|號)|冇(?:呢|這|这)(?:個|个)人|主人(?:換|换)|(?:換|换)(?:咗)?主人|주인\\s?(?:바뀌|바꼈|바뀜)|(?:号码|號碼|号|號)(?:现在|現在)是我|新办的|新辦的|以前的机主|以前的機主|번호\\s?(?:바뀌|바꿨)|전에\\s?쓰던',
  ),
];

export const NEGATIVE: Rule = worldRule(
  'not_interested.world',
  'not_interested',
  'says no in its language',
  `no me interesa|no gracias|no estoy interesad\\p{L}*|no necesito|no quiero|para nada|nao tenho interesse|sem interesse|a gente aluga|casa nao (?:e|eh) (?:nossa|minha)|deja equipe\\p{L}*|deja assure\\p{L}*|vaut pas la peine|a l ombre|muy grandes para|estamos (?:muy )?grandes|ja fech\\p{L}* com|khoi di|me convient (?:tres )?bien|je ne change pas|wala (?:akong|kaming) (?:sariling )?bubong|nasa apartment|крыша не моя|в кондо|есть уже|за другого кандидата|не тратьте время|(?:ja )?fech\\p{L}* com outra|com outra empresa|me suffit|nous suffit|(?:okay|ok|ayos) na kami|condo (?:lang )?kami|walang sariling bubong|(?:je )?(?:ne )?vote(?:rai)? pas pour|panno (?:\\p{L}+ ){0,3}deja|ak panno|pa ka vote|продаём дом|продаем дом|неактуально|дом (?:уже )?продали|уже продали|khong bau|fait installer|(?:on a|nous avons) (?:deja )?installe|bu yao(?! zai)|bu yong|bu xu yao|нет смысла|дом прода\\p{L}*|hors (?:de )?(?:notre |mon )?budget|dispenso|vient (?:juste )?d installer|venons d installer|не будем|khong co y dinh|khong dinh|не собира\\p{L}*|не планиру\\p{L}*|неинтересно|не интересует|nos puso paneles|ya estamos(?= $)|ya (?:pusimos|pusieron)|deja mete|(?:khong|ko|k|hong) muon|nao voto|nao (?:conta|contem) comigo|ya vendimos|nen thoi|thoi (?:nha|nhe|khoi)|bof non|ca ira|chu pas|(?:je )?suis pas interess\\p{L}*|pas interested|dili (?:ko |ako |mi |kami )?(?:interesado|gusto|ganahan)|already renewed|renewed with|ya renove|renove con|ja renovei|renovei com|deja renouvle|renouvle ak|na ?renew (?:ko|na)|gia han (?:\\p{L}+ ){0,3}(?:ben )?khac|уже продлил\\p{L}*|продлил\\p{L}* в другой|mahal masyado|chu nha khong cho|khong cho lap|bawal (?:daw |po )?(?:mag ?install|magpakabit|mag ?intsall)|condo kami|многоквартирн\\p{L}*|нельзя|мне [6-9]\\d (?:лет|год)|m ap vann kay|nao (?:estou|to|tou|sou|estamos) interess\\p{L}*|disse que nao quer|pantoute|(?:i )?(?:already )?(?:said|told you) no|(?:ya )?(?:le|te|les) dije que no|(?:ja )?(?:falei|disse) que nao|(?:deja )?dit non|(?:deja )?di (?:w|ou|nou) non|sinabi ko na(?:ng)? (?:hindi|ayoko)|(?:уже )?(?:сказал|сказала) нет|nao (?:e|eh) do (?:meu|nosso) interesse|nao obrigad\\p{L}*|nao preciso|nao quero(?! (?:o|a|um|uma|sim|saber|ver|orcamento))|pas interesse\\p{L}*|ne m interesse pas|(?:m|nous) interesse (?:pas|plus)|non merci|pas besoin|n en ai pas besoin|pa enterese|pa bezwen|non mesi|(?:hindi|hnd|hndi) (?:ako |kami |po )?interesado|di (?:ako |kami )?interesado|hindi po salamat|ayoko|ayaw ko|hindi na kailangan|wag na|di na lang|hindi na lang|khong (?:quan tam|can|cam on)|(?:ko|k|kg|hong|hok) (?:quan tam|can)|donc non|alors non|n acceptera (?:jamais|pas)|(?:m|nou) byen konsa|(?:to|estou|tou|estamos) bem assim|(?:estoy|estamos) bien asi|(?:je suis|on est|nous sommes) bien comme ca|nao compensa|sa pa vo lapenn|no vale la pena|(?:ca )?(?:ne )?vaut pas le coup|(?:nou )?pral vann kay|vamos vender a casa|(?:vamos a|voy a) vender (?:la|mi) casa|on vend (?:la|notre) maison|не интересно|не нужно|не надо(?! стоп| stop)|нет спасибо|не хочу|ya tengo|ja tenho|nous avons deja|on a deja|j ai deja|meron na|mayroon na|(?:toi|chung toi|nha toi|minh) da co|уже есть|ya (?:tenemos|instalamos|compramos|contamos)|ja (?:temos|tem|instalamos|instalou|instalei|coloquei|colocamos)|net spasibo|ne interesno|ne nuzhno|ne nado|ne khochu|ne hochu|(?:m|mwen) pa vle|thoi khoi|khoi can|nem pensar|de jeito nenhum|(?:claro|por supuesto|bien sur|com certeza|claro) que (?:no|non|nao)|конечно нет|nombre no|(?:je |on )?(?:ne )?vends? pas|no (?:vendo|vendemos|estoy vendiendo)|nao (?:\\p{L}+ )?vend\\p{L}*|не прода\\p{L}*|ca (?:ne )?sert a rien`,
  '不装|不裝|不安装|不安裝|不考虑|不考慮|不需要|不用|算了|[没沒]有?[兴興]趣|不感兴趣|不感興趣|不要(?!停)|没必要|沒必要|准备卖房|準備賣房|회사에서\\s?다\\s?(?:돼요|됩니다)|没有屋顶|沒有屋頂|我住公寓|(?:装|裝)不了|설치\\s?못|싫어요|싫습니다|把房子(?:卖|賣)了|房子(?:卖|賣)了|用不上|用不到|패스|너무\\s?비싸|不打算|没打算|沒打算|들어\\s?놓은\\s?게\\s?있|렌트\\s?(?:살|해요|예요|이에요)|冇(?:興趣|兴趣)|唔使|唔需要|唔裝|唔装|公屋|(?:딴|다른)\\s?(?:데서|곳에서|회사)|됐(?:어요|습니다|심더|다)|벌써\\s?(?:달았|했|있)|说过不要|說過不要|已经说了不|已經說了不|不让装|不讓裝|不允许|不允許|不想再?折腾|不想再?折騰|已经有|已經有|관심\\s?없|필요\\s?없|괜찮습니다|(?<!(?:요일|오전|오후|시|저녁|아침|내일|모레|주말)\\s?)괜찮아요|됐어요|아니|아뇨|노노|이미',
);

/**
 * "Not now" in any language: a yes that comes with it ("yes but not now", "sí, pero ahorita no",
 * "да, но не сейчас") is `later`, not `interested`, so `NOT_NOW` also blocks the interested family.
 */
export const NOT_NOW: Rule = worldRule(
  'later.world_not_now',
  'later',
  'says not now',
  `not (?:right )?now|not yet|timing is (?:bad|not (?:great|good|right))|bad timing|pas le bon moment|pas le moment|not (?:until|till|til)|not at (?:the|this) (?:moment|time)|not this (?:year|month|week)|but later|ahora no|no ahora|ahorita no|no ahorita|no por ahora|todavia no|no por el momento|por el momento no|no en este momento|en otro momento|mas adelante|agora nao|nao agora|ainda nao|nao (?:e|eh) (?:o|um bom) momento|nao (?:e|eh) uma boa hora|pas maintenant|pas pour l instant|pas tout de suite|pa kounye a|pa kounya|pa konnya|pa jodi a|esta semana (?:esta )?(?:imposible|dificil|no puedo)|сейчас не время|не время|давайте позже|давай позже|mais plus tard|pero mas tarde|mas mais tarde|pas ce mois ci|pas cette semaine|pas cette annee|(?:ando|estoy|estamos|to|estou|tou) (?:bien |muy |meio |muito )?(?:ocupad\\p{L}*|atarefad\\p{L}*)|(?:je suis|on est) (?:tres |trop )?(?:occupe\\p{L}*|debord\\p{L}*)|pas avant (?:l ete|l hiver|le printemps|l automne|\\p{L}+)|(?:на этой неделе|сегодня|сейчас) никак|pa (?:mwa|semenn|ane) sa a?|hindi (?:pa )?ngayon|hindi muna|wag muna|khong phai bay gio|chua phai luc nay|bay gio chua|gio chua|не сейчас|пока нет|ne seichas`,
  '지금\\s?말고|이번\\s?주는?\\s?(?:힘들|어렵|안\\s?돼)|不是现在|不是現在|唔得閒|這星期唔|这星期不|唔係而家|而家唔|现在不|現在不|暂时不(?!打算)|暫時不(?!打算)|지금은',
);

/**
 * Booking an appointment or a visit ("quiero hacer cita… ¿tienen algo el martes?", "预约体检，下周二",
 * "예약하고 싶은데 다음주"): a yes even when it names a day next week, so `LATER_TIME` does not
 * block it.
 */
export const BOOKING: Rule = worldRule(
  'interested.world_booking',
  'interested',
  'asks in its language for an appointment or a visit',
  `(?:hacer|sacar) (?:una )?cita|fe randevou|quiero (?:una |la )?cita|agendar|(?:quero |queria )?(?:marcar|agendar) (?:uma )?(?:consulta|avaliacao|visita|horario)|manda o link pra eu marcar|prendre (?:un )?(?:rendez vous|rdv)|pran (?:yon )?rand?e?vou|m ta renmen (?:we|wè) (?:dokte|dantis)|запис\\p{L}* (?:меня |на |к )|записаться|pa ?schedule|pa ?book|magpa ?schedule|mag ?schedule|(?:magpa|pa) ?appointment|hen (?:kham|lich)|dat lich`,
  '(?:想|要|帮|幫|给|給).{0,4}(?:预约|預約)|예약\\s?(?:하고\\s?싶|할게|해\\s?주|부탁|원해|잡아)',
);

export const WORLD_INTERESTED_RULES: readonly Rule[] = [
  worldRule(
    'interested.world',
    'interested',
    'says yes in its language',
    `claro|me interesa|(?:mande|manden|mandame|mandeme|envie|envien)(?:me|nme)? (?:la |mas )?(?:info|informacion|detalles|cotizacion|precio)|(?:quiero|quisiera|queremos|quero) saber ma(?:i)?s|(?:digame|cuenteme|dime|cuentame|me conta) ma(?:i)?s|me (?:puede|pueden|podrian) (?:llamar|marcar|mandar)|(?:pouvez vous|vous pouvez|pourriez vous) m (?:appeler|envoyer|rappeler)|envoyez(?: moi)? (?:les |des )?(?:infos?|informations|details)|enteresan|cuando (?:pueden|puede|podrian|podria|vienen|viene) (?:venir|pasar|llamar)|quando (?:podem|pode|voces podem) (?:vir|passar|ligar)|quand (?:pouvez vous|pourriez vous) (?:venir|passer|appeler)|me gustaria (?:una|la|mas|recibir|saber|informacion|cotizacion)|mandeme|envieme|llameme|llamame|quiero (?:una |la )?(?:cotizacion|informacion|mas)|sim|tenho interesse|quero sim|(?:pode )?me (?:ligue|liga|ligar|mande|manda|envie)|quero (?:um |o |a )?(?:orcamento|cotacao|proposta)|com certeza|oui|ouais|m interesse|je suis interesse\\p{L}*|appelez moi|envoyez moi|(?<!(?:le|du|les) )devis|volontiers|avec plaisir|wi|enterese|rele m(?:wen)?(?!(?: \\p{L}+){0,2} pwochen)|voye enfomasyon|oo|opo|oho|sige(?!(?: po| na)? salamat)|interesado|interesada|(?:paki)?tawagan(?: \\p{L}+){0,2} (?:ako|kami)|gusto ko|pakisend|vang|quan tam|(?:goi|gui)(?: \\p{L}+){0,2} (?:cho )?(?:toi|em|minh)|bao gia|dong y|muon (?:biet|tim hieu|nghe)(?: them)?|да|интересно|конечно|позвоните|пришлите|давайте|хочу|хорошо|согласен|согласна|interesno|itneresno|pozvonite|звоните|zvonite|konechno|prishlite|davaite|khorosho`,
    '^ (?:sip|simon|是) $|^ (?:da |dạ |ok )?co(?: a| nhe| chu| \\p{L}+ oi)? $|是的|好的(?!\\s?(?:谢谢|謝謝|谢了|謝了|多谢|多謝))|好啊|可以(?!.{0,12}[吗嗎])|(?:能|可以)(?:上门|上門)|(?<![没沒])有兴趣|(?<![没沒])有興趣|(?<!不)感兴趣|(?<!不)感興趣|(?<![不没沒])想了解|打给我|打給我|资料|資料|了解一下|^ da(?: da)? $|打电话|打電話|报价(?!需要)|報價(?!需要)|详细|詳細|想要|愿意|願意|^ 要 $|^ 行 $|^ 네(?!\\s?(?:알겠|감사|고맙))|^ 예(?= )(?!\\s?(?:알겠|감사|고맙))|^ (?:ㅇㅇ+|응+|웅|넹)(?= )|관심\\s?있|좋아요|좋습니다|보내\\s?주세요|전화\\s?주세요|견적(?!\\s?받으려면)|원해요',
  ),
  worldRule(
    'interested.world_start',
    'interested',
    'asks when the work can start',
    `cuando (?:\\p{L}+ )?(?:empez|empiez|comenz|comienz)\\p{L}*|(?:pueden|puede|podrian|podria|pode|podem|poderia) (?:venir|pasar|passar|vir)|quando (?:\\p{L}+ ){0,2}(?:comec|inici|podem vir|pode vir)\\p{L}*|(?:on |vous )?(?:peut |pouvez |pourriez )?(?:commence|commencer|installer|venir) quand|quand (?:est ce qu )?(?:on|vous) (?:peut |pouvez |pourriez )?(?:commenc|install|veni)\\p{L}*|kile (?:\\p{L}+ ){0,3}(?:komanse|vini|enstale)|kelan (?:\\p{L}+ ){0,3}(?:start|magstart|simula|magsimula|pumunta|install|mag ?install|ikabit)\\p{L}*|(?:khi nao|bao gio|luc nao) (?:\\p{L}+ ){0,3}(?:bat dau|lap|den lap|toi lap)|когда (?:\\p{L}+ ){0,2}(?:начать|начнем|начинаем|приехать|приедете|установ\\p{L}*|сможете)|kogda (?:\\p{L}+ ){0,2}(?:nachat|priekhat|priehat|ustanov\\p{L}*)`,
    '언제\\s?(?:부터)?\\s?(?:시작|설치|오실|와\\s?주|방문)|什么时候(?:可以|能)?(?:开始|安装|装|来)|什麼時候(?:可以|能)?(?:開始|安裝|裝|來)|想(?:要)?(?:安装|装|安裝|裝)|想用你[们們]|(?:여기로|여기서|그쪽으로)\\s?(?:할게|할래|하겠)',
  ),
  worldRule(
    'interested.world_call',
    'interested',
    'asks in its language for a call or details',
    `quero (?:ver|saber) (?:quanto|como)|je veux bien|(?:voir|savoir) ce que vous propos\\p{L}*|m vle (?:we|konnen|konn|tande)|que me llamen|j suis dispo|ok pour (?:le|la) (?:devis|visite|rdv)|hochu|interesuet|vas y|envoie (?:le|moi)|заеду|зайду|daan ako|dadaan ako|lam di|lam luon|pasese|venga a ver|pasen? (?:\\p{L}+ ){0,4}a ver|(?<!nao )eu quero|opa quero|dang cho (?:tin|thong tin|bao gia)|co hung thu|hung thu|pase (?:demen|jodi a|samdi)|pasen? (?:\\p{L}+ ){0,2}a ver|bien (?:pa|para) la cita|doi thong tin|dang doi (?:\\p{L}+ )?(?:thong tin|bao gia)|dites m en plus|dites moi en plus|van con|gui di|j aimerais (?:le |la )?visiter|m bezwen fe (?:yon )?(?:chekop|randevou|tes)|muon lam (?:quote|bao gia)|goi duoc khong|жду (?:\\p{L}+ )?(?:расч\\p{L}*|предложени\\p{L}*|звонка|информаци\\p{L}*)|davayte|quero ver (?:o |a )?(?:ape|apartamento|casa|imovel)|bien sur(?! que non)|partant\\p{L}*|d accord pour (?:la |le |un |une )?(?:visite|rendez vous|rdv|devis)|pode ligar|podem ligar|voye lyen|(?<!не )интересует|посчита\\p{L}*|vin(?:i)? gade|manda (?:no|pelo) (?:whats|zap|email|e mail)|(?:je veux|j aimerais|je voudrais)? ?en savoir plus|присылайте|присылай|инфу|sim+|(?:ca )?nous interesse|(?:keu|goi) nguoi (?:toi|den|qua)|(?:toi|den|qua) coi|quiero (?:una |la )?cita|hao (?:de|a|ya)|keyi|(?:da pra|posso|podemos) (?:visitar|ver a casa|conhecer)|quelqu un (?:peut|pourrait) (?:passer|venir|m appeler)|m vle (?:yon |la |an )?(?:kotasyon|estimasyon|pri|enfomasyon)|(?:muon|can|xin) (?:duoc )?tu van|xin (?:them )?(?:thong tin|bao gia|chi tiet)|hen lich|dat lich|dat hen|fica (?:bom|otimo|perfeito)|me (?:queda|viene) bien|(?:ca|cela) me (?:va|convient)|(?:eske )?(?:nou|ou) ka pase|(?:vous pouvez|pouvez vous|pourriez vous) passer|marqu(?:eme|enme|ame)|marcame|llamenme|pm (?:nyo|niyo|mo) (?:na )?(?:ko|ako)|info (?:porfa|por favor|porfavor|pls|plis|x favor)|(?:pode|podem|poderia|da pra) (?:me )?(?:mandar|enviar|passar)(?: \\p{L}+){0,2} (?:info\\p{L}*|orcamento|detalhes|valores|preco)|manda (?:\\p{L}+ ){0,2}(?:info\\p{L}*|orcamento|detalhes)|manda ai|bora|pourquoi pas|carrement|ok pour moi|(?<!est ce que )ca marche(?! quand| si| comment| aussi| pour (?!moi|nous)| avec| sur| tu| \\?)|r?appelez (?:moi|nous)|rappelle moi|envoyez(?! plus(?! d | de | des )| pas| rien| jamais)|voye (?:\\p{L}+ ){0,2}(?:detay|enfomasyon|pri|enfo)|m ta renmen (?:yon|konnen|plis|devi|kotasyon|estimasyon|pri|vizite)|g (?:ako|na)|game (?:ako|na)|tawagan (?:nyo|niyo|mo) (?:na )?(?:ko|ako)|text (?:nyo|niyo|mo)(?: na)?(?: sa)? (?:akin )?(?:ang )?(?:details|detalye|info)|pwede (?:po|naman)(?! ba)|goi (?:lai )?(?:cho )?(?:anh|chi|em|e|toi|tui|minh|co|chu|bac)|goi lai (?:sau|luc|vao|toi|chieu|sang|trua|mai|nhe|nha)|gui (?:\\p{L}+ ){0,2}(?:chi tiet|thong tin|bao gia)|co chu|перезвоните|перезвони|perezvonite|perezvoni|скин\\p{L}* (?:\\p{L}+ )?(?:инф\\p{L}*|подробн\\p{L}*|детал\\p{L}*|цен\\p{L}*|прайс)|skin\\p{L}* (?:\\p{L}+ )?(?:info|inf\\p{L}*|podrobn\\p{L}*)`,
    '想知道|想看看|알고\\s?싶어요|알고\\s?싶습니다|받아\\s?보고\\s?싶|^ muon |^ ㄱㄱ|^ 고고|자세한\\s?(?:내용|정보|설명)|자세히',
  ),
  BOOKING,
  worldRule(
    'interested.world_asks',
    'interested',
    'volunteers, books a visit or asks for the work in its language',
    `volunt\\p{L}*|(?:je suis|on est) dispo\\p{L}*|oui+|m bezwen (?:\\p{L}+ )?(?:enfomasyon|pri|devi|kotasyon|randevou)|можете (?:\\p{L}+ ){0,2}(?:заехать|приехать|зайти|позвонить|перезвонить|прислать)|pode ser (?:sabado|domingo|segunda|terca|quarta|quinta|sexta|amanha|hoje|de manha|a tarde)|pwede (?:po )?(?:ba |bang )?(?:kayong |kayo )?(?:dumaan|tumawag|pumunta|tawagan)|pwede (?:po )?ba sa (?:lunes|martes|miyerkules|huwebes|biyernes|sabado|linggo)|hen (?:kham|lich|gap)|muon hen|(?:toi|minh|em|anh|chi) muon(?= $)|andamos buscando|estamos buscando|busco (?:una )?casa|можно (?:в|во) (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|(?:de manha|a tarde|de tarde|a noite|pela manha) (?:e|eh) melhor|tien hon|удобнее|(?:en la manana|en la tarde) es mejor|(?:le matin|l apres midi) c est mieux|ca m arrange|pi bon pou mwen|mas (?:okay|ok) sa (?:umaga|hapon)|pase (?:demen |jodi a |samdi )?pou gade|(?:to|tou|estou) dentro|ouin|certain|j (?:vais|serai) (?:etre )?la|je serai la|m ap la|ahi estare|alli estare|(?:to|tou|estarei) la|confirmo|confirmado|confirm po|xac nhan|подтвержда\\p{L}*|coi nha|xem nha|con chu|da duoc|khi nao (?:\\p{L}+ ){0,2}qua|pode ser(?= (?:quanto|qual|como|manda|sim))|(?:при)?шлите|ага|заходите|можно (?:\\p{L}+ ){0,4}посмотреть|продлеваю|продлю|продлим|(?:quiero|quero|voy a|vou) renovar|je (?:veux )?renouvel\\p{L}*|magre ?new|tingnan (?:yung|ang) bahay|pwede ba sa (?:lunes|martes|miyerkules|huwebes|biyernes|sabado|linggo)|passez|pasen|vengan a ver|заезжайте|приходите посмотреть|ghe qua|ghe (?:nha|xem)|soumission|(?:e|eh) melhor (?:pra|para) mim|me (?:queda|viene) mejor|c est mieux pour moi|van muon|(?:gio|bay gio) (?:thi )?(?:van )?muon|enroll|mag ?enroll|cuenten conmigo|cuenta conmigo|conten comigo|conte comigo|contem comigo|conta comigo|comptez sur moi|tinh nguyen|волонт\\p{L}*|boluntaryo|interessee|запишите меня|записаться|pa ?schedule|pa ?book|magpa ?schedule|quiero (?:una )?cita|agendar|hacer una cita|quero (?:marcar|agendar)|marcar (?:uma )?(?:consulta|avaliacao|visita)|prendre (?:un )?rendez vous|je (?:veux|voudrais) (?:un |une |la |le )?(?:rendez vous|rdv|soumission|devis|estimation|infos?)|pran (?:yon )?randevou|m vle (?:yon |la |an |plis )?(?:devi|kotasyon|estimasyon|pri|enfomasyon|randevou|asirans)|сделайте (?:расч\\p{L}*)|рассчитайте|приезжайте|den xem|qua xem|(?:toi |minh |em )?muon ban nha|quiero vender|quero vender|je (?:veux|voudrais) vendre|хочу продать|volonte|volontè`,
    '^ interesse(?= )|(?:정보|시세|가격|견적)\\s?(?:좀\\s?)?(?:더\\s?)?(?:주세요|알려\\s?주세요|보내)|내놓으려|내놓을|봐\\s?주실|와\\s?주실|들르셔|전화\\s?주실|(?<!(?:한국어|영어|중국어|한국말)\\s?)상담\\s?(?:가능|받고|받을|원해|신청)|^ 要(?:啊|呀|的)|当然要|當然要|^ 要 要|听起来不错|聽起來不錯|통화\\s?(?:가능|돼요|하실|해요)|^ quero(?= )|집\\s?보러|보러\\s?(?:가도|갈|가고)|(?:报|報)(?:个|個)(?:价|價)|推荐给我|推薦給我|我们在找|我們在找|(?:约|約)(?:个|個)?(?:时间|時間)|我想(?:给|給).{0,8}(?:买|買)|想买|想買|보고\\s?싶(?:어요|습니다|은데)|我想看|想去看|想看看|^ pwede (?:bukas|sa \\p{L}+|mamaya)|^ s+ $|^ game(?= )|^ yes (?=\\p{Script=Han}|\\p{Script=Hangul}|\\p{Script=Cyrillic})|(?:发|發)(?:过来|過來)|(?:发|發)(?:给|給)我(?!朋友|女儿|女兒|儿子|兒子|老公|老婆|妈|媽|爸|家人|的)|(?:上午|早上|下午|晚上)(?:比较|比較)?方便|(?:오전|오후|요일|시)\\s?(?:괜찮아요|좋아요|돼요|가능해요)|^ (?:s|g) $|^ g(?= )|^ (?:sip|simon|simno)(?= )|^ 係(?:呀|啊)?(?= )|好呀|^ 得(?= )|想知多|打(?:比|俾)我|(?:過|过)(?:嚟|来|來)(?:睇|看)|(?<!唔)得閒|續保|续保|갱신\\s?(?:할게|하겠|해\\s?주)|전화\\s?(?:주이소|주소)|들러|보이소|갈게|갈께|가겠습니다|要的|^ 嗯嗯|估(?:个|個)?价|估價|(?:电话|電話)聊|(?:네|예|넵)\\s?할게요|등록\\s?하고\\s?싶|신청\\s?(?:하고\\s?싶|할게)|(?<!안\\s?)하고\\s?싶(?:어요|습니다)|들러\\s?(?:서|주세요)|봐\\s?주세요|자원봉사|志愿|志願|义工|義工|예약\\s?(?:하고\\s?싶|할게|해\\s?주|부탁|원해)|(?:想|要|幫我|帮我)(?:预约|預約)|派人来|派人來|来看看|來看看|연락\\s?(?:주세요|줘요|바랍니다|부탁)|팔려고|팔고\\s?싶|想卖|想賣',
  ),
];

/**
 * A time weeks or months away, a season or the end of a holiday ("en 2 semanas", "sau tết",
 * "после праздников", "过完年"): `later`, and like `NOT_NOW` it makes a yes or a "call me"
 * a `later` ("mandeme mensaje en 2 semanas" is not a yes for today).
 */
export const LATER_TIME: Rule = worldRule(
  'later.world_time',
  'later',
  'names a later time in its language',
  `(?:en|dentro de|en unas?|en un par de) (?:\\d+ |un |una |unas |unos |dos |tres |par de )?(?:semanas|meses|mes|semana)|despues de (?:las fiestas|navidad|ano nuevo|semana santa|vacaciones)|pasando (?:las fiestas|navidad|ano nuevo)|en (?:primavera|verano|otono|invierno)|(?:em|daqui|daqui a|dentro de|daqui uns|daqui umas) (?:\\d+ |um |uma |umas |uns |duas |dois |tres )?(?:semanas?|meses|mes)|depois d(?:o|as) (?:natal|festas|ano novo|carnaval|ferias)|(?:no|na) (?:verao|primavera|outono|inverno)|me procura|dans (?:\\d+ |un |une |deux |trois |quelques )*(?:semaines?|mois)|(?:la )?semaine pro|(?:le )?mois pro|apres (?:les fetes|noel|le nouvel an|les vacances|l ete)|au printemps|en (?:ete|automne|hiver)|nan (?:\\d+ |yon |de |twa )?(?:semenn|mwa)|apre (?:fet|nwel|lane|pak|vakans)\\p{L}*|ekri m (?:le sa a|le sa|nan)|(?:after|sa|pagkalipas ng|within) (?:\\d+ |isang |dalawang )?(?:weeks?|months?|linggo|buwan)|(?:after|pagkatapos ng) (?:pasko|new year|holidays|bagong taon)|sa (?:enero|pebrero|marso|abril|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre|january|february|march|april|june|july|august|september|october|november|december)|balikan (?:nyo|niyo|mo) (?:na )?(?:ako|ko)|(?:mga|sa) (?:enero|pebrero|marso|abril|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept|oct|nov|dec)|pag ?uwi (?:ko|namin)|saka na|quand je serai|vers la fin|cuoi nam|se tinh|le m jwenn|pagbalik ko|usap tayo|tann sezon|te procuro|quand on aura fini|vers (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)|l ete prochain|a la rentree|je vous rappelle (?:ce weekend|demain|la semaine)|que decide|volta dia|despues de que pasen|pasen las fiestas|sera finie?|apre sezon|ekri m anko|itext (?:nyo|mo) (?:ulit )?ako|after ng sahod|pagkasahod|la otra semana|nan (?:prentan|ete|lete|otonn|ive|live)|ann pale|lo vemos|cuando me llegue|poko ka deside|kite m we ak|cuoi tuan noi chuyen|laissez nous (?:quelques|un|deux) (?:mois|semaines)|quelques mois|jusqu au \\d+|reecrivez (?:moi )?apres|en la primavera|en el otono|hasta (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|doi (?:\\p{L}+ ){0,4}xong|noi tiep|depois disso|(?:ele|ela) volta|(?:reach out|text me|contact me) after that|on en reparle|on se reparle|le m fin|m a we|(?:mga|sa) (?:summer|tag ?init|tag ?ulan|pasko|christmas)|siguro|cuando regrese|вернусь|в (?:конце|начале) \\p{L}+|jusqu a (?:la )?fin|(?:ecrivez|recontactez|rappelez) moi apres(?= $)|quando acabar|volto (?:em|no|na|dia)|до конца \\p{L}+|тогда и поговорим|apres la saison|on verra|jiska (?:fen )?\\p{L}+|le m tounen|depend\\p{L}*(?! pas)|ca depend\\p{L}*(?! pas)|зависит|посмотрим|baka(?= (?:next|sa|pag|depende|mamaya|bukas|later|po|naman))|encaminhei|reenvie|transfere\\p{L}* a (?:ma|mon)|voye l bay|(?:ella|el|ele|ela|elle) decide|(?:le )?pase el mensaje a|ban voi (?:vo|chong|gia dinh)|toi noi chuyen|sunod (?:semana|bulan|tuig)|(?:pa|para|a) la otra semana|la semana que viene|(?:pou |nan )?lot semen|semaine prochaine?|bua khac|hom khac|parl\\p{L}* (?:a|avec) (?:ma|mon) (?:femme|mari|epoux|epouse|conjoint\\p{L}*|famille|blonde|chum)|pagkatapos ng (?:tag ?ulan|tag ?init|\\p{L}+)|tanong ko muna|balitaan (?:kita|ko kayo)|eseye (?:anko|ankò)|apre \\d+|can nhac|vai (?:tuan|thang) nua|noi chuyen sau|bao lai|(?:дайте|через) (?:\\p{L}+ )?(?:пару|несколько) (?:недель|дней|месяцев)|(?:ещё|еще) думаю|cho (?:vo|chong|ba xa|ong xa|gia dinh)(?: \\p{L}+){0,3} (?:ve|hoi)|(?:text|tawagan) (?:nyo|niyo) (?:na lang )?ako (?:non|noon|nun)|\\d+ (?:tuan|thang) nua|(?:sau|qua|het) tet|thang (?:[1-9]|1[0-2])(?!\\d)|tu tu|de (?:\\p{L}+ )?tinh|roi tinh|luc do (?:nhan|goi)|через \\d+ (?:\\p{L}+ )?(?:недел|месяц|год|дн)\\p{L}*|после (?:\\p{L}+ )?(?:праздник\\p{L}*|нового года|нг|отпуск\\p{L}*|лета)|весной|летом|осенью|зимой|в (?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)|тогда (?:и )?(?:напиш|позвон)\\p{L}*|me (?:manda|chama)\\p{L}* (?:\\p{L}+ )?entao|(?:en|para|despues de|em|depois de) (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)|en (?:janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre)|(?:le )?mois prochain|(?:la )?semaine prochaine|l an(?:nee)? prochaine?|mes que vem|semana que vem|(?:el|la) proxim[oa] (?:mes|semana|ano)`,
  '^ co the |(?:하고|끝나고|지나고)\\s?나서|연락\\s?드릴게요|나중에(?!\\s?(?:돈|요금|비용|청구))|고민\\s?중|다음\\s?(?:달|주|번|해)|\\d+\\s?(?:주|달|개월|주일)\\s?(?:뒤|후|있다가)|(?:설|추석|연말|새해|방학)\\s?(?:지나고|이후|후에|끝나고)|\\d+월(?:\\s?(?:중순|초|말|쯤))?에|그때\\s?(?:문자|연락|전화)|\\d+\\s?(?:周|週|个月|個月|星期)\\s?(?:后|後|以后|以後)|[过過](?:完|了)年|年[后後]|[节節][后後]|(?:明年|下个季度|下個季度|下季度)|再(?:联系|聯繫|聯絡|联络)|\\d+月(?:份|中旬|上旬|下旬|底|初)?(?:以后|以後|再)|再找我|[过過](?:完|了)(?:春节|春節|节|節)|再聊|(?:过|過)(?:两|兩|几|幾|[0-9]+)(?:个|個)?(?:礼拜|禮拜|星期|周|週|月)|再问我|再問我|내년|(?:봄|여름|가을|겨울)\\s?쯤|下(?:个|個)?(?:礼拜|禮拜)|(?:暑假|寒假|假期|放假)(?:之后|之後|以后|以後|后|後)|再讲|再講|(?:끝나면|끝나고|지나면)|再找你|回(?:美国|美國|国|國)(?:以后|以後)?再|[一二三四五六七八九十]+月(?:份)?(?:以后|以後|再|回)|下(?:個)?星期|再傾|몇\\s?(?:주|달|개월)\\s?(?:후|뒤)|遲啲|迟啲|遲D|(?:過|过)咗|先再搵|再搵我',
);

export const WORLD_LATER_RULES: readonly Rule[] = [
  NOT_NOW,
  LATER_TIME,
  worldRule(
    'later.world',
    'later',
    'says not now in its language',
    `(?<! nem )(?:lo )?(?:voy a |vamos a )?pensar(?:lo)?|(?:en|para|despues de|em|en|depois de) (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)|(?:ando|estoy|estou|to) (?:trabajando|trabalhando)|(?:en el|no) trabajo|no trabalho|apres les fetes|en ce moment|pas le temps|l an prochain|l annee prochaine|sang nam|nam sau|(?:de (?:toi|em|minh) )?xem da|quem sabe|mais (?:pra|para) frente|futuramente|en unos (?:meses|dias|semanas)|en un (?:mes|par)|ahorita no|ahora no|no por ahora|lo pienso|con mi (?:esposo|esposa|marido|mujer|pareja|familia|socio|socia)|consult(?:ar|arlo|arla|ando|o|e|amos|er)(?: \\p{L}+){0,2} (?:con|com|avec|a mi|a minha|a mon|a ma)|mais tarde|agora nao|talvez|depois|vou pensar|com (?:a |o )?(?:minha|meu) (?:esposa|marido|mulher|familia|socio)|ocupad\\p{L}*|mes que vem|semana que vem|plus tard|peut etre|pas maintenant|pas pour l instant|reflechir|occupe\\p{L}*|mois prochain|semaine prochaine|recontact\\p{L}*|rappelez moi (?:dans|en|plus|la|le)|avec (?:ma|mon) (?:femme|mari|epoux|epouse|conjoint\\p{L}*)|dans (?:un|une|deux|quelques) (?:mois|semaines?|jours)|en (?:janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre)|parler (?:a|avec) (?:ma|mon) (?:femme|mari|epoux|epouse|conjoint\\p{L}*|famille)|pita|petet|pa kounye a|panse|okipe|pwochen\\p{L}*|reflechi|pale ak (?:madanm|mari|fanmi|mouche)|mamaya|susunod|next time|ko muna|muna (?:ang |si )?(?:asawa|misis|mister)|pag ?iisipan|pinag ?i?isipan|pag ?isipan|isipin ko|busy|hindi pa ngayon|sa ibang araw|de sau|sau nhe|thang sau|tuan sau|suy nghi|dang ban|chua(?! nghe| tung| bao gio)|bay gio(?: \\p{L}+){0,2} ban|(?:toi|em|minh) ban (?:roi|qua|lam)|hoi (?:y (?:kien )?)?(?:vo|chong|gia dinh|ong xa|ba xa)|luc khac|позже|попозже|потом|не сейчас|подумаю|занят\\p{L}*|в следующ\\p{L}*|на следующ\\p{L}*|a gente conversa|en el (?:verano|invierno|otono)|cet (?:ete|hiver|automne)|mua (?:he|xuan|thu|dong)|подумать|нужно подумать|pag ?uusapan|babalikan (?:kita|ko kayo)|может быть|посовет\\p{L}*|через (?:\\p{L}+ )?(?:месяц|недел|год|дн|пару)\\p{L}*|обсуд\\p{L}*|спрошу|pozzhe|potom|ne seichas|podumayu`,
    '(?:봄|여름|가을|겨울)에|春天|夏天|秋天|冬天|以后|以後|再说|再說|下个月|下個月|下周|下週|(?<!不)考虑|(?<!不)考慮|晚点|晚點|忙|改天|不方便|等我|商量|问问|問問|过段时间|過段時間|过些天|过阵子|過陣子|下次|나중|다음|생각해|바빠|바쁘|지금은|내년|상의|의논|물어보|얘기해|있다가|이따',
  ),
];

export const WORLD_NOT_INTERESTED_RULES: readonly Rule[] = [
  NEGATIVE,
  worldRule(
    'not_interested.world_no',
    'not_interested',
    'says no in its language',
    '',
    '^ (?:da |vang |naku )?(?:jamais|nunca|nops?|dili|нє|ні|nao(?! para nao| pare nao)|nan(?! ki| kay| lis| mesaj| sistem| zon| vil| \\d)|неа|nea|non|nn|hindi|hnd|hndi|di|ayaw|hinde|wala|wla|khong|ko|нет|не(?! останавлива| прекраща| отписыва)|nel|net)(?= )|^ 不(?!好意思)|^ 没有|^ 沒有|아니|^ ㄴㄴ',
  ),
  // Renting or having it already: a no in any language, read after any yes in the reply.
  worldRule(
    'not_interested.world_have',
    'not_interested',
    'says in its language they rent or already have it',
    `rentamos|rento|caro|no me alcanza|no tengo (?:casa|dinero|presupuesto|plata)|vivo con mis|no soy (?:el |la |o |a )?(?:dueno|duena|dono|dona|propietari\\p{L}*)|apartamento|trop cher|c est cher|appartement|pas proprietaire|pa gen lajan|(?:two|tro) che|mac qua|dat qua|dat lam|chung cu|дорог\\p{L}*|квартир\\p{L}*|нет денег|estamos rentando|inquilin\\p{L}*|alquil\\p{L}*|alugad\\p{L}*|aluguel|locataire\\p{L}*|je loue|on loue|nous louons|en location|gentan gen|deja gen\\p{L}*|gen(?: \\p{L}+){1,3} deja|(?:m ap|nou|mwen|m) lwe|nangungupahan|umuupa|nagrerenta|(?:renta|upa) lang|(?:may|meron|mayroon)(?: \\p{L}+){0,2} na (?:kami|ako)|(?:nha )?(?:toi|tui|minh|chung toi|nha) (?:o |di )?thue|thue nha|co(?: \\p{L}+){0,4} roi|nag ?re ?rent\\p{L}*|сним\\p{L}*|аренд\\p{L}*|у нас уже|уже (?:стоят|стоит|установ\\p{L}*|поставили)|trop (?:vieux|vieille|age|agee)|(?:casa|imovel) (?:e|eh) d[ao] (?:minha|meu) \\p{L}+|nao (?:posso|sou eu que|sou quem) decid\\p{L}*|maison (?:de|a) (?:ma|mon) \\p{L}+|pas a moi de decider|(?:ce n est|c est) pas moi qui decide|kay la (?:se )?pou \\p{L}+|se pa mwen ki deside|bahay ng \\p{L}+ (?:ko|namin)|hindi ako ang (?:magdedesisyon|nagdedesisyon|masusunod)|nha (?:la )?cua (?:me|bo|ba|ong|anh|chi|co|chu|di)|khong quyet (?:duoc|dinh duoc)|дом (?:свекрови|тещи|родителей|мамы|папы|сестры|брата)|я не (?:решаю|хозяин|хозяйка)|la casa es de (?:mi|mis) \\p{L}+|no (?:puedo|me toca) decidir|sem (?:grana|dinheiro|condicoes|condicao)|nao tenho (?:grana|dinheiro|condicoes)|pa gen (?:kob|lajan)|pas les moyens|pas d argent|khong co tien|ko co tien|wala (?:akong|kaming|pang) (?:budget|pera|pambayad)|j ai [6-9]\\d ans|(?:sou|ja sou|estou|to) aposentad\\p{L}*|muito velh\\p{L}*|matanda na (?:ako|kami)|(?:two|tro) granmoun|(?:muy|ya) (?:viejo|vieja|mayor)|(?:soy|estoy) jubilad\\p{L}*|(?:da )?(?:lap|gan)(?: \\p{L}+){0,4} roi|mete panno|gen panno|ne vendons pas|vendons pas|kay la pa pou (?:mwen|m|nou)|ya me atienden|(?:en )?otra clinica|da lap|пенсионер\\p{L}*`,
    '房子是.{1,6}的|做不了主|不能做主|说了不算|說了不算|(?:시어머니|시부모님|부모님|어머니|아버지|집주인)\\s?집|결정할\\s?수\\s?없|돈이\\s?없|老人住|年纪大|年紀大|나이가\\s?많|租|已经|已經|太贵|太貴|公寓|没钱|沒錢|월세|전세|세입자|이미|비싸|아파트|돈이 없',
  ),
  worldRule(
    'not_interested.world_vote',
    'not_interested',
    'says in its language they will not vote for the candidate',
    `(?:je )?ne (?:voterai|vote|votera) pas|khong ung ho|(?:m|mwen) (?:pap|pa p|p ap|pa) vote|не (?:буду )?голосовать|голосовать(?: \\p{L}+){0,3} не буду|no (?:voy a )?votar|nao vou votar|hindi ko (?:siya |sya )?iboboto|ang mahal|masyadong mahal`,
    '不会投|不會投|不投|안\\s?찍|투표\\s?안|생각\\s?없',
  ),
];

export const WORLD_QUESTION_RULES: readonly Rule[] = [
  worldRule(
    'question.world',
    'question',
    'asks something in its language',
    `de (?:que|donde)|quem|quanto|qual|onde|por que|combien|comment|pourquoi|c est qui|qui est ce|qui|quel(?:le|les|s)?|kiyes|ki moun|ki pri|konbyen|kouman|eske|poukisa|sino|magkano|paano|bakit|(?<!feliz )ano(?! nuevo| novo| que vem| passado| pasado)|saan|ba|ai vay|ai day|bao nhieu|tai sao|lam sao|sao|co \\p{L}+(?: \\p{L}+){0,3} khong|кто|сколько|откуда|как|почему|что|ли|kto|skolko|otkuda|pochemu|zachem|gratis|gratuit\\p{L}*|golpe|чего|ki vil|ki kote|co lien quan|вы работаете|nao vay|каком|какой|принимаете|co (?:\\p{L}+ ){1,6}(?:ko|khong|hong)(?= $)|o dau|dau vay|нужно (?:ли|брать|платить)|marche tu|c est tu|on peut tu|vous pouvez tu|y a tu|unsa|pila|kinsa|ngano|san (?:nyo|niyo|mo) nakuha|cual|truco|gi vay|may gio|\\p{L}+ (?:hong|hem|hok)(?= $)|(?:se|eske) (?:\\p{L}+ ){0,4}oswa|moun reyel|cuanto|cuanta|cuantos|que tanto|tarda|funciona (?:em|com|no|na|para|pra|en|con)|de graca|mien phi|чё|чо|шо|що|koi|c est quoi|kisa|kiyes|где|какой|какая|какое|какие|бесплатн\\p{L}*|говорите|развод|kote|vous etes ou|c est ou|parlez|o que(?= $| \\?)|estafa`,
    '谁|誰|多少|免费|免費|무료|怎么|怎麼|吗|嗎|哪|什么|什麼|为什么|為什麼|누구|얼마|어떻게|어디|인가요|나요|까요|뭐|\\p{L} \\?(?= )|설명\\s?(?:좀\\s?)?(?:해\\s?주|부탁)|가요(?= \\?|$)|설치\\s?가능|가능한가요|^ а |(?:есть|можно)(?= $)|무슨|어느|어떤|뭔가요|뭐예요|우째|어째|(?:노|드나|지예)(?= \\?? ?$)|\\p{L}가(?= $)|咩|邊個|邊度|點解|點樣|點攞|幾點|幾時|幾錢|要唔要|有冇|係唔係',
  ),
];

/**
 * A question that names renting or buying as a choice ("as placas são alugadas ou compradas?",
 * "是租的还是买的？") or asks "isn't it a scam?" ("사기 아니에요?"): a `question`, read before the
 * renting and "no" words would make it a no.
 */
export const WORLD_CHOICE_QUESTION: Rule = worldRule(
  'question.world_choice',
  'question',
  'asks which of two it is',
  `funciona (?:si|se|em|en|com|con|para|pra|no|na)|co mat phi (?:khong|ko)|co phai (?:\\p{L}+ ){0,8}(?:khong|ko)|para sa renter|renter din ba|для арендатор\\p{L}*|nha thue co (?:\\p{L}+ ){0,3}(?:khong|ko)|(?:alugad\\p{L}*|aluguel|compr\\p{L}*|own|owner|buy|purchase|lease|leased|rent\\p{L}*|alquil\\p{L}*|location|achat|achete\\p{L}*|аренд\\p{L}*|покуп\\p{L}*|thue|mua)(?: \\p{L}+){0,2} (?:ou|or|o|или|hay|hoac|ba o) (?:\\p{L}+ ){0,4}(?:alugad|compr|lease|buy|rent|own|alquil|location|achat|achet|аренд|покуп|thue|mua)\\p{L}*`,
  '(?:^| )neu (?:\\p{L}+ ){0,5}thi sao|也(?:可以|能)(?:装|裝)(?:吗|嗎)|세입자도\\s?(?:되나요|가능)|(?:아파트|콘도)도\\s?(?:설치\\s?)?(?:되나요|가능)|(?:租|买|買)的?(?:还是|還是)(?:租|买|買)|(?:리스|렌트|구매|임대)(?:인지|예요|에요|이에요)?\\s?(?:아니면\\s?)?(?:리스|렌트|구매|임대)|(?:사기|스팸|광고|보이스피싱)\\s?(?:아니에요|아니죠|아닌가요|인가요|예요|이에요)|需要上门|需要上門|要上门吗|要上門嗎|거\\s?아니(?:에요|죠|야|예요)',
);

/**
 * A no that closes the reply ("we're selling the house this summer, so no", "on vend la maison
 * au printemps, donc non"): `not_interested`, read before the later time it gives as a reason.
 */
export const CONCLUSIVE_NO: Rule = worldRule(
  'not_interested.world_so_no',
  'not_interested',
  'ends with "so no"',
  '(?:so|donc|donk|kidonk|alors|entonces|asi que|entao|kaya|nen|так что) (?:no|non|nao|hindi|khong|нет)(?= $)|(?:ca )?(?:ne )?vaut pas le coup|(?:ca )?(?:ne )?sert a rien|no vale la pena|nao vale a pena|(?:non|no|nao) (?:mesi|merci|gracias|obrigad\\p{L}*|thanks)(?= $)|(?:trop cher|pas les moyens|muy caro|muito caro|too expensive|mahal)(?: \\p{L}+){0,4} (?:en ce moment|ahorita|agora|right now|ngayon)',
  '^ (?:no|non|nao|nah|nope)(?: \\p{L}+)* (?:anyway|de toute facon|de todos modos|de qualquer (?:jeito|forma))(?= $)',
);

/**
 * Selling the home is a no whatever date comes with it ("we're selling the house in a couple
 * of months", "sắp bán nhà"), read before the later time; a yes in the same reply wins first.
 */
export const SELLING_HOME: Rule = worldRule(
  'not_interested.world_selling',
  'not_interested',
  'says the home is being sold',
  '(?:we|i) sold (?:the|our|my) (?:house|home|place)|(?:we are|were|we re|i am|im) selling (?:the|our|my) (?:house|home|place)|sap ban nha|nha (?:\\p{L}+ )?sap ban|vamos vender a casa|(?:vamos a|voy a) vender (?:la|mi) casa|on vend (?:la|notre) maison|(?:nou pral|m ap) vann kay',
  '打算(?:卖|賣)房|要(?:卖|賣)房',
);

/** "mande?", "hein?", "hã?", "oi?": a "sorry, what?" that asks nothing about the offer. */
export const WORLD_HUH: Rule = worldRule(
  'other.world_huh',
  'other',
  'only says "what?"',
  '',
  '^ (?:mande|ande|ha|hein|ein|oi|ahn|han|eh|hm+|como) \\?(?: \\?)* $',
);
