/**
 * The answers to the offer itself: interested, later, not_interested, and question. Negation
 * is handled where it flips a word: "not interested" / "no interest" are a no, "not now" /
 * "not at this time" are later, "not sure" is not a "sure", "definitely not" not a "definitely".
 * Where the labeled set draws a line, the rule follows it: a request for a call or a time is
 * interested ("call me after 5"), asking to be texted or reached at a later time is later
 * ("text me next week", "can you reach out in January?"), and "will respond later" is only a
 * delay in answering (other).
 */
import { patternRule, type Rule } from './rule.js';

const NEGATED =
  '(?<!\\b(?:not|no|never|nor|zero|nt|do not|did not|does not|am not|never been|might be|may be|could be|might|may)(?: \\w+){0,2} )';
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|sept|oct|nov|dec';
const SEASONS =
  'spring|summer|fall|autumn|winter|holidays|holiday|new year|christmas|xmas|thanksgiving|tax season|season';
const PEOPLE =
  'wife|husband|hubby|spouse|partner|family|boss|landlord|bf|gf|boyfriend|girlfriend|son|daughter|kids|dad|mom|parents|fiance|fiancee';

export const INTERESTED_RULES: readonly Rule[] = [
  patternRule(
    'interested.yes',
    'interested',
    'says yes',
    '\\b(?:yes|absolutely|definitely|certainly|of course|affirmative|emojiyes|claro|por supuesto|dale)\\b(?! not\\b| que no\\b| \\?| (?:this is|it is|speaking)\\b)|(?<!\\b(?:not|not so|you|are you|make|be|for) )\\bsure\\b(?! not\\b)|\\bfor sure\\b',
  ),
  patternRule(
    'interested.want_it',
    'interested',
    'says they want it',
    '\\b(?:i|we) (?:guess|suppose) so\\b|\\b(?:need|want|would like) to (?:schedule|book|make) (?:an? |my )?(?:\\w+ )?(?:appointment|visit|physical|checkup|cleaning|exam|consultation)\\b|\\b(?:i would|id|we would|wed) like to (?:book|schedule|make|set up|get)\\b|\\b(?:i|we) (?:\\w+ )?(?:want|need) (?:the|more|some) (?:info|information|details)\\b|\\b(?:(?:i|we) would|id|wed) (?:like|love) to (?:see|tour|view|check out|visit)\\b|\\b(?:open|available|free) for a (?:showing|tour|visit|viewing)\\b|\\bschedule a (?:showing|tour|viewing)\\b|(?<!\\b(?:not|would i|would we|do i|do we|should i) )\\b(?:want|wanting|wanted|need|needing) (?:solar|it|panels|one|this|that)\\b|\\bput (?:me|us) down\\b|\\bopen to (?:it|hearing|learning|a call|a quote|talking|that|this|the idea)\\b|\\bwhat (?:times?|days?|dates?) (?:are|is|do you have|work|would)\\b|(?<!\\b(?:i|i will|i would|i can|i could|do i|can i|will|to|i might|i may|we will|we|do not|not|never|bus|truck|pit|rest|full|last|next|first|the|a|pare|pre) )\\b(?:come|stop) (?:out|by|over|look|take a look|see)\\b',
  ),
  patternRule(
    'interested.interest',
    'interested',
    'says they are interested',
    `${NEGATED}\\b(?:interested|interest|interesado|interesada|me interesa|(?:hear|learn|know) more)\\b(?! in (?:how|why|who|where|what|knowing)\\b)`,
  ),
  patternRule(
    'interested.details',
    'interested',
    'asks for details',
    '\\b(?:tell|send|text|email|give|show) (?:me|us)(?: some| the| more| a| your| all the)? (?:more|details|detail|info|information|pricing|prices|price|quote|estimate|numbers|specs|brochure|link)\\b|\\b(?:send|email) (?:it|over|them)\\b|\\b(?:send|email|text) (?:me |us )?(?:some |the |more |your |all the )?(?:details|detail|info|information|pricing|prices|price|quote|estimate|specs|brochure|link|numbers)\\b|\\bmore (?:info|information|details)\\b|\\b(?:details|info|information) please\\b|\\bmandame|\\benvieme|\\bmas informacion\\b',
  ),
  patternRule(
    'interested.quote',
    'interested',
    'asks for a quote or a visit',
    '(?<!\\bnot )\\b(?:would|want|wanna|need|like|love|request|get|have|see|schedule|book)(?: to (?:get|have|see|hear|learn|know|schedule|book))?(?: about)?(?: a| an| the| some| more| your| my| me a)?(?: free)? (?:quote|estimate|consultation|consult|appointment|assessment|visit|call)\\b',
  ),
  patternRule(
    'interested.call',
    'interested',
    'asks for a call',
    '(?<!\\b(?:not|never|no) )\\b(?:call|ring|phone) (?:me|us)\\b(?! (?:crazy|old fashioned|paranoid|skeptical)\\b)|\\bllamame\\b|(?<!\\b(?:not|never|no) )\\b(?:call|ring) (?:anytime|any time|after|before|tomorrow|tonight)\\b|\\bcan (?:you|someone) (?:call|ring|phone)\\b|\\b(?:give|gimme) (?:me|us) a (?:call|ring|buzz|shout)\\b|\\b(?:reach|contact|text) (?:me|us) (?:at|on) (?!(?:a|the) )|\\bphonenumber\\b|\\b(?:email|e mail) (?:me|us)\\b|\\bemailaddress\\b|\\bmy (?:number|cell|email) is\\b',
  ),
  patternRule(
    'interested.go_ahead',
    'interested',
    'agrees to go ahead',
    '\\blets (?:do it|do this|go|talk|chat|set|schedule|book|meet|get|discuss|move|hear)\\b|\\b(?:set|setup|schedule|book) (?:it|something|an? (?:appointment|call|time|visit|meeting)|me)\\b|\\bsign (?:me|us) up\\b|\\bcount (?:me|us) in\\b|\\b(?:i am|we are|were) in(?= \\||$)|\\bgo ahead\\b|^why not\\b|\\bi am (?:down|game|keen|open to it)\\b|\\bwhen can (?:you|we|someone) (?:come|start|install|do|call|talk|meet|stop by)\\b|\\bhow (?:do|can) (?:i|we) (?:sign up|get started|start|apply)\\b',
    'marked',
  ),
  patternRule(
    'interested.sounds_good',
    'interested',
    'likes the offer',
    '\\bworks? (?:best|better|great) for (?:me|us)\\b|\\bwhat(?:s| is) the next step\\b|\\bsounds? (?:good|great|interesting|nice|awesome|perfect|fine|ok|like a plan|cool|amazing|fair)\\b|\\b(?:that|this|it|tomorrow|today|\\w+day|morning|afternoon|evening|anytime|any time|\\d+) works\\b|\\bworks for (?:me|us)\\b',
  ),
];

/** A clear no in English ("yes, this is Sam. Not interested"): it outweighs a yes in the same reply. */
export const ENGLISH_NO: Rule = patternRule(
  'not_interested.english_no',
  'not_interested',
  'says no',
  '\\bnot interested\\b|\\bnot selling\\b|\\b(?:not|never) (?:gonna |going to )?(?:volunteer|donate)\\b|\\bno interest\\b|\\bno thank(?:s| you)\\b|\\b(?:do not|does not) want (?:it|solar|one|this|that|any|them|panels)\\b|\\bnot for (?:me|us)\\b',
);

export const LATER_RULES: readonly Rule[] = [
  patternRule(
    'later.not_now',
    'later',
    'says not now',
    '\\bnot (?:right )?now\\b|\\bnot right (?:this|at)\\b|\\bnot (?:this|that) (?:second|minute)\\b|\\b(?:not a good|not the right|bad|not a great) time\\b|\\bnot (?:at )?(?:this|the) (?:time|moment)\\b|\\bnot (?:yet|today|tonight|ready)\\b|\\bnot this (?:week|month|year|season|summer|winter|spring|fall|time|morning|afternoon|evening)\\b|\\bnot at the moment\\b|\\bahora no\\b|\\bno (?:ahora|por ahora|todavia)\\b',
  ),
  patternRule(
    'later.maybe',
    'later',
    'is undecided',
    '\\b(?:might|may|could) be interested\\b|\\b(?:maybe|perhaps|possibly|consider it|will consider|hold off|on hold|someday|some day|eventually|down the road|in the future|near future|tal vez|quizas|quiza|a lo mejor)\\b',
  ),
  patternRule(
    'later.later',
    'later',
    'asks to be contacted later',
    '(?<!\\b(?:respond|reply|answer|back|talk|chat|text you|call you|get back to you|write)(?: to you)? )\\blater\\b|\\b(?:mas tarde|luego|despues|otro dia)\\b',
  ),
  patternRule(
    'later.when',
    'later',
    'names a later time',
    `\\b(?:next|this coming|in a few|in a couple|in a couple of|in (?:a|one|two|three|\\d+)) (?:week|weeks|month|months|year|years|quarter|season|spring|summer|fall|autumn|winter|weekend|days)\\b(?! ago)|\\b(?:in|after|until|till|by|around|come|before) (?:${MONTHS})\\b|\\b(?:in|after|until|till|by|around|this|next|come|closer to) (?:the )?(?:${SEASONS})\\b|\\b(?:after|until|till|around|by|before) the \\d+(?:st|nd|rd|th)?\\b|\\b(?:el|la) proxim[oa] (?:mes|ano|semana)\\b|\\b(?:otro|mejor) momento\\b`,
  ),
  patternRule(
    'later.think',
    'later',
    'wants to think it over or ask someone',
    `\\b(?:think|thinking|mull|sleep) (?:about it|it over|on it|over)\\b|\\blet me think\\b|\\bstill (?:thinking|deciding|considering|undecided|debating)\\b|\\bgive (?:me|us) (?:a few|a couple|some|a) (?:days|weeks|months|time|while|bit)\\b|\\bneed (?:to|some) (?:time|think)\\b|\\b(?:talk|check|discuss|ask|speak|run it by|consult)(?: it)?(?: to| with| by)? (?:my|the) (?:${PEOPLE})\\b|\\bbusy\\b|\\blook at it (?:this|next) (?:weekend|week)\\b|\\b(?:forwarded|sent|passed) (?:it|this|that|the text|the message)? ?(?:on )?to my (?:${PEOPLE})\\b`,
  ),
  patternRule(
    'later.try_again',
    'later',
    'asks to be contacted again later',
    '(?<!\\b(?:do not|never|dont) )\\b(?:try|ask|text|contact|check|circle|reach|follow|get) (?:me |us )?(?:again|back)\\b|\\b(?:text|contact|message|reach|email|hit) (?:me|us)(?: up| out)? (?:in|next|after|later|tomorrow|another|around|closer|again)\\b|\\breach out (?:in|after|next|later|around|closer)\\b',
  ),
];

export const NOT_INTERESTED_RULES: readonly Rule[] = [
  patternRule(
    'not_interested.no',
    'not_interested',
    'says no',
    '(?:^|\\| |\\bbut |\\bso |\\bthanks |\\bplease )no\\b(?! (?:problem|prob|worries|worry|idea|clue|one|more|longer|rush|hurry|doubt|pressure|matter|se|entiendo|hablo|para|pasa|hay|reconozco|conozco|recuerdo|comprendo|dejen|deje|paren|pare|paro|me quiten|me saquen|me borren|trabalho|trampo|servico|momento|eto|vot)\\b)|\\bno (?:thanks|thank you|gracias|way|interest|need|quiero|necesito)\\b|\\bemojino\\b',
    'marked',
  ),
  patternRule(
    'not_interested.not_interested',
    'not_interested',
    'says they are not interested',
    '\\b(?:not|no|never|zero|nt)(?: \\w+){0,2} (?:interested|interest|interesado|interesada)\\b|\\b(?:uninterested|disinterested)\\b|\\bno me interesa\\b|\\b(?:absolutely|definitely|certainly|of course) not\\b|\\b(?:hell|heck) no\\b|\\bcount (?:me|us) out\\b|\\bnot (?:for (?:me|us)|really|at all|happening|a chance)\\b|(?:^|\\| )never\\b(?! heard)',
    'marked',
  ),
  patternRule(
    'not_interested.all_set',
    'not_interested',
    'says they are all set',
    '\\b(?:happy|good|fine|ok|satisfied) with (?:my|our|the) (?:current|existing)\\b|\\b(?:i am|we are|were) (?:good|ok|fine|all set|set|covered|okay)\\b(?! (?:with|to go)\\b)|\\ball set\\b|(?:^|\\| )(?:i will |i would |going to )?(?:hard )?pass\\b(?! (?:it|this|that) (?:along|on to)| along| by| my| your)',
    'marked',
  ),
  patternRule(
    'not_interested.have_solar',
    'not_interested',
    'already has it',
    '\\balready (?:have|got|has|had|own|use|using|went|did|signed|installed|bought|purchased|leased|paid|switched|renewed|insured|covered|done|solar|panels)\\b|\\b(?:have|got|own|installed) (?:solar|panels|a system|solar panels)\\b',
  ),
  patternRule(
    'not_interested.not_owner',
    'not_interested',
    'does not own the home',
    '\\b(?:i|we|we are|were|i am) (?:just |only )?(?:rent|renting|renters?|lease|leasing|tenants?)\\b|\\brenters?\\b|\\b(?:do not|dont) own\\b|\\bnot (?:my|our|the) (?:house|home|property)\\b|\\b(?:live in|in|rent) an? (?:apartment|condo|flat|dorm)\\b|\\bnot (?:the|a) (?:homeowner|owner|home owner)\\b|\\bsold (?:the|my|our) (?:house|home|place|property)\\b|\\b(?:it is|its) my \\w+(?: in law)? (?:house|home)\\b|\\bnot my (?:call|decision)\\b|\\bselling (?:the|my|our) (?:house|home)\\b|\\b(?:we are|i am|were) moving\\b',
  ),
  patternRule(
    'not_interested.cost',
    'not_interested',
    'cannot afford it',
    '\\b(?:can not|could not|not able to|unable to) afford\\b|\\b(?:does not|do not|would not|will not) (?:make sense|work) for (?:me|us)\\b|\\bnot (?:a good |a )?fit\\b|\\b(?:too|so) (?:shaded|shady|much shade)\\b|\\b(?:will not|would not|does not|do not|not) (?:allow|let us)\\b|\\bnot allowed\\b|\\btoo (?:expensive|pricey|costly|much)\\b|\\bno (?:money|budget)\\b|\\bnot worth\\b',
  ),
  patternRule(
    'not_interested.do_not_want',
    'not_interested',
    'does not want it',
    '\\b(?:do not|not) (?:need|want)(?: it| any| one| this| that| solar)?\\b|\\b(?:not|no) (?:looking|buying|in the market)\\b|\\bnot (?:selling|looking to sell|planning to sell|interested in selling|switching|voting|supporting)\\b|\\bi am [6-9]\\d(?: years old| yrs old)?\\b|\\b(?:not|never) (?:gonna |going to )?(?:volunteer|donate)\\b|\\bnot putting (?:anything|panels|solar)\\b|\\b(?:not|never|will not|would not) (?:be )?(?:going to )?vot(?:e|ing) for\\b|\\bno quiero\\b',
  ),
];

export const QUESTION_RULES: readonly Rule[] = [
  patternRule('question.mark', 'question', 'asks something', '[^|?]*\\b(?!emoji)[a-z0-9]+ \\?', 'marked'),
  patternRule(
    'question.opener',
    'question',
    'opens with a question word',
    '^(?:who|whom|whose|what|which|why|where|when|how|howd|whered|quien|que|como|cuanto|cuando|donde|por que|porque)\\b|^(?:is|are|was|do|does|did|can|could|would|should|may|am|have|has)\\s+(?:yall|y all|you all|u|you|it|this|that|there|they|i|we|your|the|he|she|any|anyone|someone)\\b',
  ),
];
