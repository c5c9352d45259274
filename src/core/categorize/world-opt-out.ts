/**
 * Opt-outs in Spanish, Portuguese, French, Haitian Creole, Tagalog, Vietnamese, Chinese, Korean
 * and Russian. Since April 2025 the FCC counts any reasonable wording, in any language, as
 * revoking consent (47 CFR 64.1200(a)(10)), so these are matched generously: a "don't send /
 * don't contact / delete my number / leave me alone" in any of them is an opt-out. The
 * Chinese 退订/TD and Korean 수신거부 are those countries' own carrier opt-out keywords.
 */
import type { Rule } from './rule.js';
import { worldRule } from './world-rule.js';

const W = '(?: \\p{L}+){0,3}';

export const WORLD_OPT_OUT_RULES: readonly Rule[] = [
  worldRule(
    'opt_out.es',
    'opt_out',
    'asks in Spanish to stop the messages',
    `como (?:\\p{L}+ ){0,3}(?:dejo de recibir|dejar de recibir|me doy de baja|darme de baja|como (?:se )?(?:quita|quito|cancela|cancelo|detiene|paro|quitan) (?:esto|estos|los mensajes|estos mensajes|esta suscripcion)|me salgo|salirme|cancelo (?:los|estos|sus) mensajes)|no me (?:vuelvan?|vuelvas) a (?:escribir|mandar|enviar|contactar|llamar|textear)|(?:saquen?|saca|quiten?|quita|eliminen?|elimina|borren?|borra|borrar|eliminar|sacar|quitar)(?:me|nme)? (?:mi numero|de (?:su|la|sus) (?:lista|sistema|base))|(?:saquen?|quiten?|sac|quit|elimin|retir|borr)\\p{L}*(?:me|nme)e? de|(?:quitenme|sacame|quitame|saquenme|borrenme|eliminenme)|no (?:quiero|queremos|deseo|deseamos) (?:que me (?:contacten|escriban|manden|llamen|envien|sigan)|recibir|mas mensajes|sus mensajes|mas msjs?|mas textos|mas sms)|ya no (?:me )?(?:escriban|manden|envien|contacten|escribas|mandes)|no me contacten|no (?:me )?text(?:e|ea)\\p{L}*|no mas (?:txt|texts?)|vete a la mierda|chinga\\p{L}* tu madre|no (?:me )?jodan|jodete|(?:que )?(?:ya )?no me (?:lleguen|llegue)|ya estuvo|ya chole|fastidi\\p{L}*|bloque\\p{L}*|report\\p{L}* (?:este|su|el|a este) numero|voy a reportar\\p{L}*|denunci\\p{L}*|(?:eliminen|borren|borra|elimina|quiten|borrar|eliminar) (?:mis|mi) (?:datos|numero|informacion|telefono)|no mas (?:msjs?|mensajitos|textos|sms)|no molest\\p{L}*|no (?:envi|mand|escrib|text)\\p{L}* mas|paren|no mas (?:mensajes|textos|sms)|para ya|dejen d(?:e)?${W}|(?:deja|deje|dejes|dejar) de (?:mand|envi|escrib|text|contact|llam|molest|insist)\\p{L}*|(?:deja|deje|dejes|dejar) de \\p{L}+(?:rme|rnos)|no (?:me |nos )?(?:vuelvan?|vuelvas) a \\p{L}+(?:rme|rnos|r)|ya no (?:me |nos )?(?:escrib|mand|envi|contact|text|llam|molest)\\p{L}*|no (?:me|nos) (?:sigan|sigas|siga) (?:escrib|mand|envi|text|contact|llam|molest)\\p{L}*|no quiero (?:que|q) (?:me|nos) (?:sigan|sigas|siga|vuelvan|contacten|escriban|manden|llamen|envien|texteen|lleguen|llegue)|cancel\\p{L}* (?:los|las|mis|el|mi|sus) (?:mensajes|textos|sms|suscripcion)|(?:quiten|quita|saquen|borren|eliminen|borra|quitar|borrar|eliminar) (?:mi|este) (?:numero|telefono|celular)|desuscrib\\p{L}*|me canse de (?:sus|tus|los|estos|tantos)|(?:estoy|me tienen) hart[oa]s?|darme de baja|parenle|parale|parele|dejen(?:me|nos)? (?:quiet[oa]s?|en paz|tranquil[oa]s?)|dejame (?:quiet[oa]|en paz|tranquil[oa])|ya no (?:le|les|nos) (?:manden|envien|escriban|mande|escriba|contacten)\\p{L}*|no (?:le|les) (?:vuelvan|sigan) (?:a )?\\p{L}+|no (?:contactarme|escribirme|mandarme|enviarme|textearme|llamarme)(?: \\p{L}+)? mas|no (?:le|les) (?:manden|envien|escriban|mande)(?: \\p{L}+){0,2} mas|basta (?:ya )?(?:con|de) (?:los |sus |tus |tantos )?(?:mensajes|mensajitos|textos|msjs?)|(?:borr|quit|sac|elimin)\\p{L}*(?:lo|la|los|las) de (?:su|la|sus) (?:lista|sistema|base)|cancelar (?:suscripcion|mensajes)|deten\\p{L}* (?:los |sus |estos |tus )?(?:mensajes|textos|sms|msjs?)`,
    '^ (?:no mas|eliminar|detener|borrar|cancelar|baja|alto|fin)(?: porfa| por favor| porfavor| gracias| pls| plis)? $',
  ),
  worldRule(
    'opt_out.pt',
    'opt_out',
    'asks in Portuguese to stop the messages',
    `como (?:\\p{L}+ ){0,6}(?:desativ\\p{L}*|bloqueio|pararem|pararem de chegar|parar de chegar|nao receber mais|parar de receber|paro de receber|deixar de receber|saio da lista|sair da lista|me descadastr\\p{L}*|cancelo (?:as|essas) mensagens)|pare+|parem|parar|(?<! (?:no|nao) )para de${W}|parem de${W}|(?:para|pare|parem) com isso|(?:deixe|deixem|deixa|deixar) de (?:me )?(?:mand|envi|lig|incomod|contat)\\p{L}*|(?:deixe|deixem|deixa|deixar) de (?:me )?\\p{L}+ (?:mensag|sms|msg)\\p{L}*|sair da lista|quero sair|apag\\p{L}* (?:do|da|de) (?:sistema|lista|cadastro)|o que (?:eu )?(?:faco|fazer|devo fazer) (?:\\p{L}+ ){0,6}(?:pararem|parar de receber|nao receber|sair da lista|me descadastrar)|pararem de (?:mandar|enviar|ligar|incomodar)\\p{L}*|nao (?:quer|querem) mais (?:receber|mensag\\p{L}*|sms|contato)|nao (?:entrem|entrar|entre) mais em \\p{L}+|(?:apague|apaguem|exclua|excluam|delete|deletem|apaga|exclui) (?:os )?meus dados|(?:exclui|excluir|apagar|remover|tirar|apaga|remove|tira|tire)(?: o)? (?:meu|o meu|esse|este) (?:numero|contato|cadastro)|(?:nao|n) (?:me )?(?:mande|mandem|envie|enviem|manda|envia)(?:${W})? mais|nao quero (?:mais )?(?:receber|mensage\\p{L}*|sms)|descadastr\\p{L}*|cancelar(?: \\p{L}+)?|(?:tire|tirem|tira|remova|removam|remove|apague|apaguem|apaga|exclua|excluam|retire|retirem)(?: os| o)? (?:meu|meus) (?:numero|contato|nome|dados|cadastro)|me (?:tir|remov|exclu|retir|apag|descadastr)\\p{L}*|me deix\\p{L}* em paz|chega de${W}|foda se|vai se fod\\p{L}*|vai a merda|(?:nao|n) quero mais(?! pagar| gastar| \\p{L}+ caro)|nao (?:me )?(?:ligue|liguem|contate|contatem|incomode|incomodem|perturb\\p{L}*)|me esquec(?:e|a|am|em)|sai fora|esquec(?:e|a|am|em) (?:o )?meu (?:numero|contato)`,
    '^ (?:sair|chega|parar|paar|(?:nao|n) quero mais)(?: por favor)? $',
  ),
  worldRule(
    'opt_out.fr',
    'opt_out',
    'asks in French to stop the messages',
    `comment (?:\\p{L}+ ){0,3}(?:ne plus recevoir|arreter (?:ces|les|vos) (?:messages|sms|textos)|me desabonner|me desinscrire)|arr[eê]t\\p{L}*|ne m(?:e)? ?(?:ecrivez|envoyez|contactez|textez|appelez|ecris|envoie|contacte|derangez)(?: \\p{L}+)? plus|ne (?:plus )?m (?:ecrivez|envoyez|contactez|textez|appelez|ecris|envoie|contacte|derangez)(?: \\p{L}+)? plus|plus de (?:messag\\p{L}*|sms|textos?)|desabonn\\p{L}*|desinscri\\p{L}*|(?:supprimez|effacez|retirez|enlevez|supprimer|retirer|enlever|effacer|supprime|efface|retire|enleve)(?: le| la| les| moi| nous| mon numero| mon nom| mes coordonnees| mon contact)|laisse\\p{L}* moi tranquille|(?:j en ai|on en a|j ai) marre|va te faire foutre|allez vous faire foutre|ras le bol|porter plainte|signaler|bloquer|(?:fiche|fou|fout)\\p{L}* moi la paix|lache\\p{L}* moi|(?:me|nous) (?:retirer|supprimer|enlever|desinscrire|effacer)|je (?:ne )?veux plus(?: \\p{L}+){0,3} (?:recevoir|messages?|sms|textos?)|je ne veux plus|ne plus (?:rien )?(?:recevoir|etre contacte\\p{L}*|etre derange\\p{L}*)|ne plus (?:me|m|nous) (?:r\\p{L}+|ecri|envo|contact|text|appel|derang|sollicit)\\p{L}*|ne (?:me|m|nous) (?:ecri|envo|contact|recontact|relanc|te?xe?t|appel|derang|sollicit)\\p{L}*(?: \\p{L}+)? plus|ca suffit|(?:c est )?la derniere fois que vous m (?:ecrivez|envoyez|contactez|textez)|pour (?:ne )?plus (?:avoir|recevoir) (?:ces|vos|les)|effacez (?:le|la|les|moi|mon|mes)|(?:je )?ne (?:souhaite|veux|desire) plus (?:recevoir|etre contacte\\p{L}*)|rayez|rayer (?:mon|moi)|cess\\p{L}* (?:tout |les |vos |d )?(?:envoi|envoyer|messages?|sms|ecrire)|(?:me|m) (?:texter|ecrire|envoyer|appeler|contacter|textez|ecrivez|envoyez) (?:pu|plus(?! d | de | des ))|pu de (?:messages?|sms|textos?|textes?)|(?:ecrivez|textez|envoyez|appelez)(?: moi)? (?:pu|plus(?! d | de | des ))(?: jamais)?|desabon\\p{L}*|ne veut plus (?:recevoir|etre contacte\\p{L}*|de (?:vos )?(?:messages|sms|textos))|ne (?:lui|leur) (?:ecrivez|envoyez|textez|envoie|ecris)(?: \\p{L}+)? plus|n (?:envoyez|ecrivez|ecris|envoie|appelez|textez|contactez)(?: \\p{L}+)? plus|j (?:e )?veux (?:plus|pu)(?: \\p{L}+){0,3} (?:recevoir|messages?|msgs?|sms|textos?|rien)|j veux (?:plus|pu) de|(?:me|m) (?:ecrivez|envoyez|contactez|textez|appelez|ecris|envoie|contacte|derangez)(?: \\p{L}+)? (?:plus(?! d | de | des )|pu)|(?:ca|vos|tes|ces) (?:\\p{L}+ )?(?:me )?(?:saoul|soul|gonfl)\\p{L}*|me (?:saoule|soule|gonfle)\\p{L}* (?:vos|tes|ces|avec)`,
  ),
  worldRule(
    'opt_out.ht',
    'opt_out',
    'asks in Haitian Creole to stop the messages',
    `kouman (?:\\p{L}+ ){0,3}(?:sispann resevwa|pou m pa resevwa|dezabone)|arete|sispann\\p{L}*|sipann\\p{L}*|sipanm|sispan|dezabon\\p{L}*|kanpe (?:voye|ekri|rele|mesaj|tanpri|souple)\\p{L}*|bouke (?:ak|ave|avek) (?:mesaj|teks|nou|ou)|ase (?:voye|ekri|mesaj|rele)|pa (?:voye|ekri|kontakte|rele|teks|tekste|voye m)(?: \\p{L}+){0,5} (?:anko|ankò)|kite m(?:wen)? (?:trankil|anrepo)|pa voye (?:m|mwen) (?:okenn|ankenn)(?: \\p{L}+){0,2}|anile (?:abonman|abònman)|kijan (?:\\p{L}+ ){0,6}(?:kanpe|sispann|pa resevwa|fini)|(?:mesaj|teks) (?:sa )?(?:yo )?kanpe|mete (?:m|mwen) deyo|(?:retire|efase|wete) (?:nimewo|non|enfomasyon|enfo|l|li)|ase ak (?:teks|mesaj)|bloke nimewo|m ap bloke(?: \\p{L}+)?|(?:mwen|m) pa (?:vle|bezwen) (?:\\p{L}+ ){0,2}(?:resevwa|mesaj|tande|okenn|teks)|pou (?:m|mwen) (?:pa|sispann) resevwa|ase ato|nou fatige m|fatige (?:ak|avek) (?:mesaj|nou)\\p{L}*|kite m(?:wen)? anpe|(?:retire|wete|efase) (?:m|mwen)|pa deranje|pa kontakte m`,
    '^ (?:rete|ase|ase sa|kanpe|anile)(?: tanpri| souple)? $',
  ),
  worldRule(
    'opt_out.tl',
    'opt_out',
    'asks in Tagalog to stop the messages',
    `paano (?:\\p{L}+ ){0,3}(?:matatanggal|matatapos|matapos|mawawala|ititigil|itigil|ihinto|patigilin|hindi na makatanggap|mag ?unsubscribe|tanggalin)|\\p{L}{0,6}tigil\\p{L}*|(?:wag|huwag|huag|wag na)(?: \\p{L}+){0,4} (?:(?:mag|i|mg) ?(?:text|txt|message|msg|tx)|magtext|itext|imessage|magmessage|padalhan|magpadala|kontakin|tawagan|istorbohin|abalahin|guluhin|gambalain|istorbo)\\p{L}*|ayoko na(?: \\p{L}+){0,3} (?:text|message|mensahe|txt|makatanggap|makareceive|ma ?receive)|ayaw (?:ko|kong|namin) na(?: \\p{L}+){0,3} (?:text|message|mensahe|makatanggap)|(?:tanggalin|alisin|burahin|tangalin|tanggal|alisin|ialis)(?: \\p{L}+){0,3} (?:ako|number|numero|listahan)|tama na(?: \\p{L}+){0,3}|tumigil\\p{L}*|nakakainis (?:na )?(?:kayo|kau|kyo|ka)|putang ?ina|tangina|gago|nakakainis (?:ang|yung) (?:text|txt|message|mensahe)|nakakaistorbo|nakakairita|(?:i ?)?report (?:ko|namin|kita) (?:kayo|ito|to)|remove (?:nyo|niyo|mo|na)(?: na)? (?:ako|ko|me|number|numero)|(?:di|hindi|ayaw) (?:ko|ko na|na ko) (?:na )?(?:gusto )?(?:makatanggap|ma ?receive)|ayaw (?:na )?(?:ko|ako|mo|mi|kami) (?:i ?text|itext|textan|tawagan|padalhan)|delete (?:nyo|niyo|mo|na)(?: na)? (?:ako|ko|number|numero|ang number)|hunong\\p{L}*|undang\\p{L}*|pa ?cancel|paki ?(?:cancel|remove|alis|tanggal|tangal|delete|stop|tigil|bura|unsubscribe|hinto)\\p{L}*`,
  ),
  worldRule(
    'opt_out.vi',
    'opt_out',
    'asks in Vietnamese to stop the messages',
    `lam (?:sao|the nao) (?:de )?(?:\\p{L}+ ){0,2}(?:cho het|khong nhan|ko nhan|k nhan|het nhan|huy|dung nhan|ngung nhan)|(?:con|ma con) (?:nhan|gui)(?: \\p{L}+){0,4} (?:la|thi) (?:\\p{L}+ )?bao|bao (?:cao )?(?:nha mang|cong an)|dung bao gio (?:\\p{L}+ ){0,2}(?:nhan|goi|gui|lien lac)|dung lai|tu choi (?:nhan|tin|sms|lien lac)|dung (?:nhan|gui|lien lac|lam phien|goi|nt|sms)\\p{L}*|huy (?:dang ky|nhan|theo doi)|huy (?:tin|di|nhe|nha|giup|ngay)|xoa so|ngung (?:gui|nhan|lien lac)|khong (?:muon )?nhan(?: \\p{L}+){0,2} (?:tin|sms)|(?:khong|ko|k|hong|kg) muon nhan|thoi dung|bo so|ngung (?:ngay|lai|di)|phien qua|lua dao|bao cao|khoi (?:nhan|gui|lien lac)|(?:khong|ko|k|hong|kg|dung) (?:\\p{L}+ )?(?:nhan|gui|nt|goi|lien lac|lam phien|spam|text|txt|tin|sms|ib|inbox)(?: \\p{L}+){0,3} nua|dung spam|go (?:ten|so) (?:\\p{L}+ ){0,4}ra|ra khoi (?:danh sach|he thong)|rut ten|khoi danh sach|bo (?:ten|so) (?:\\p{L}+ ){0,2}ra|(?:gui|nhan) nua(?: la)? (?:toi |tui )?(?:\\p{L}+ ){0,2}(?:block|report|bao)|xoa ten`,
    '^ (?:dung|ngung|huy)(?: lai)?(?: nhe| nha| di)? $',
  ),
  worldRule(
    'opt_out.zh',
    'opt_out',
    'asks in Chinese to stop the messages',
    'td|t d|bie (?:zai )?fa(?: le)?|bu yao (?:zai )?fa(?: le)?|tui ?ding',
    '(?:怎么|怎麼|如何|怎样|怎樣)(?:才能|样才能|樣才能)?(?:不再|退订|退訂|取消|停止|停掉)|(?:點樣|点样|怎样|怎樣)(?:先)?(?:可以|能)?(?:唔再|不再)|唔好再|唔想再|唔使再(?:搵|找|send|sms|text|發|发|傳|传)|唔該唔好|(?:號碼|号码|個號|个号|名)(?:.{0,12})(?:刪除|删除|刪|删|剔)|剔走|剔除|收皮|退订|退訂|退定|取消订阅|取消訂閱|(?:不要|别|別|勿|不用|請勿|请勿|不准)再|(?:不要|别|別|勿|请勿|請勿)(?:给我)?(?:發|发|传|傳|打扰|打擾|烦|煩|联系|聯繫|联络|聯絡|骚扰|騷擾)|停止|(?:删除|刪除|删掉|刪掉|移除)我|我的(?:号码|號碼|电话|電話)(?:删|刪|移)|把我.{0,20}(?:删|刪|移除|去掉|拿掉|除名)|(?:从|從)(?:名单|名單|列表)(?:里|裡|中)?(?:去掉|删|刪|移除)|拉黑|骚扰|騷擾|不再接收|烦不烦|^ 滚(?:吧|啊)? $|滚开|滚蛋|煩不煩|烦死|煩死|很烦|很煩|投诉|投訴|举报|舉報|垃圾|骗子|騙子|诈骗|詐騙|不想再(?:收到|接收|被|接到|看到)|不想(?:收到|接收)|拒收|拒绝|拒絕|取消|^ 退 $|别烦|別煩',
  ),
  worldRule(
    'opt_out.ko',
    'opt_out',
    'asks in Korean to stop the messages',
    '',
    '스탑|스톱|고마\\s?(?:보내|해라|하이소|하소)|지아\\s?뿌|지워\\s?뿌|오지\\s?마|어떻게\\s?(?:하면|해야)?\\s?(?:안\\s?오|수신\\s?거부|그만\\s?받|안\\s?받|안\\s?오게|차단)|수신\\s?거부|(?:명단|목록|리스트)에서\\s?(?:빼|제외|지워|삭제)|그만|연락\\s?하지|연락\\s?마|보내지\\s?마|삭제|지워|구독\\s?취소|취소해|정지|차단|거부|사절|스팸|신고|꺼져|귀찮|(?:문자|연락|전화)\\s?하지\\s?마|(?:문자|연락|메시지|메세지)\\s?(?:안|받기\\s?싫|받고\\s?싶지\\s?않|원하지\\s?않|연락\\s?사양|사양합니다|사절)|받기\\s?싫|더\\s?이상\\s?(?:문자|연락|메시지|메세지|보내)',
  ),
  worldRule(
    'opt_out.ru',
    'opt_out',
    'asks in Russian to stop the messages',
    `как (?:\\p{L}+ ){0,6}(?:отписаться|перестали приходить|не приходили|не получать|перестать получать|отключить)|не (?:пишіть|пишить|надсилайте|турбуйте)\\p{L}*|не (?:надо|нужно) (?:мне )?(?:больше )?(?:смс|sms|сообщени\\p{L}*)|больше не надо|стоп|стпо|стор|сторп|стопп|сотп|сопт|stpo|хватит|перестан\\p{L}*|прекрат\\p{L}*|не (?:пишите|пиши|присылайте|присылай|звоните|беспокойте|отправляйте|шлите)\\p{L}*|больше не (?:пиш|присыл|звон|беспок|отправ|шли)\\p{L}*|отпис\\p{L}*|отпиш\\p{L}*|удали\\p{L}*|удалят\\p{L}*|убер\\p{L}*|оставьте(?: меня)? в покое|не беспокоить|отстаньте|отвалите|спам|отказ\\p{L}*|не (?:надо|нужно) (?:мне )?(?:больше )?(?:пис|присыл|звон|отправ|слать)\\p{L}*|ne pish\\p{L}*|ne zvon\\p{L}*|ne bespokoi\\p{L}*|otpis\\p{L}*|otpish\\p{L}*|udali\\p{L}*|uberite|khvatit|hvatit|prekrat\\p{L}*|perestan\\p{L}*|otstan\\p{L}*|отвяж\\p{L}*|задолбал\\p{L}*|достали|достал|надоел\\p{L}*|блок\\p{L}*|мошенни\\p{L}*|dostali|zadolbali|nadoeli|не (?:хочу|хотим) (?:больше )?(?:получать|получить)|ne (?:nado|nuzhno) (?:mne )?(?:bolshe )?(?:pis|prisyl|zvon|otprav|slat)\\p{L}*|ne (?:khochu|hochu) (?:bolshe )?poluchat\\p{L}*|отвал\\p{L}*|нафиг|иди на|идите на|пошли вы|пошел ты|пошёл ты|нахер|нахуй`,
  ),
];
