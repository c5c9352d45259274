/**
 * Where a phone number most likely is, for quiet hours. NANP (+1) area codes → IANA zone, from
 * NANPA's area code lists by state/province (nationalnanpa.com, "NPA Reports") and the US/Canada
 * time zone boundaries (49 CFR part 71); an area code that spans two zones maps to the zone most
 * of its people live in (e.g. 850 Florida panhandle → Central, 541 Oregon → Pacific, 915 El Paso →
 * Mountain). Other countries only where the whole country keeps one zone (ITU-T E.164 codes).
 * Unknown → undefined: the caller falls back to the funnel's default zone.
 */
const NANP: Record<string, string> = {
  'America/New_York':
    '201 202 203 207 212 215 216 220 223 229 231 234 239 240 248 252 267 269 272 276 283 301 302 304 305 313 315 321 324 326 329 330 332 336 339 347 351 352 363 380 386 401 404 407 410 412 413 419 423 434 436 440 443 445 448 470 472 475 478 484 502 508 513 516 517 518 540 551 561 567 570 571 582 585 586 603 606 607 609 610 614 616 617 624 631 640 645 646 656 667 678 679 680 681 686 689 703 704 706 716 717 718 724 727 728 732 734 740 743 754 757 762 770 771 772 774 781 786 802 803 804 810 813 814 821 826 828 835 838 839 843 845 848 854 856 857 859 860 862 863 864 865 878 904 906 908 910 912 914 917 919 929 934 937 941 943 947 948 954 959 973 978 980 984 989',
  'America/Indiana/Indianapolis': '260 317 463 574 765 812 930',
  'America/Toronto':
    '226 249 263 289 343 354 365 367 382 416 418 437 438 450 468 514 519 548 579 581 613 647 683 705 742 753 807 819 873 905 942',
  'America/Halifax': '428 506 782 902',
  'America/St_Johns': '709',
  'America/Puerto_Rico': '787 939',
  'America/St_Thomas': '340',
  'America/Chicago':
    '205 210 214 217 218 219 224 225 228 251 254 256 262 270 274 281 308 309 312 314 316 318 319 320 325 327 331 334 337 346 361 364 402 405 409 414 417 430 432 447 464 469 479 483 501 504 507 512 515 531 534 539 557 563 572 573 580 601 605 608 612 615 618 620 629 630 636 641 651 659 660 662 682 701 708 712 713 715 726 730 731 737 763 769 773 779 785 806 815 816 817 830 832 847 850 861 870 872 901 903 913 918 920 931 936 938 940 945 952 956 972 975 979 985',
  'America/Winnipeg': '204 431 584',
  'America/Regina': '306 474 639',
  'America/Denver': '303 307 385 406 435 505 575 719 720 801 915 970 983',
  'America/Boise': '208 986',
  'America/Phoenix': '480 520 602 623 928',
  'America/Edmonton': '368 403 587 780 825',
  'America/Los_Angeles':
    '206 209 213 253 279 310 323 341 350 360 369 408 415 424 425 442 458 503 509 510 530 541 559 562 564 619 626 628 650 657 661 669 702 707 714 725 747 760 775 805 818 820 831 840 858 909 916 925 949 951 971',
  'America/Vancouver': '236 250 257 604 672 778',
  'America/Anchorage': '907',
  'Pacific/Honolulu': '808',
  'Pacific/Guam': '671',
};

/** Countries (E.164 calling code) that keep a single time zone. */
const COUNTRY: Record<string, string> = {
  '44': 'Europe/London',
  '353': 'Europe/Dublin',
  '33': 'Europe/Paris',
  '49': 'Europe/Berlin',
  '39': 'Europe/Rome',
  '31': 'Europe/Amsterdam',
  '32': 'Europe/Brussels',
  '41': 'Europe/Zurich',
  '43': 'Europe/Vienna',
  '45': 'Europe/Copenhagen',
  '46': 'Europe/Stockholm',
  '47': 'Europe/Oslo',
  '48': 'Europe/Warsaw',
  '358': 'Europe/Helsinki',
  '30': 'Europe/Athens',
  '36': 'Europe/Budapest',
  '420': 'Europe/Prague',
  '972': 'Asia/Jerusalem',
  '27': 'Africa/Johannesburg',
  '234': 'Africa/Lagos',
  '254': 'Africa/Nairobi',
  '91': 'Asia/Kolkata',
  '65': 'Asia/Singapore',
  '852': 'Asia/Hong_Kong',
  '81': 'Asia/Tokyo',
  '82': 'Asia/Seoul',
  '63': 'Asia/Manila',
  '64': 'Pacific/Auckland',
};

let byAreaCode: Map<string, string> | undefined;

/** The IANA zone of an E.164 number, when its area code or country says it; else undefined. */
export function timeZoneOfPhone(e164: string): string | undefined {
  const digits = /^\+?(\d{7,15})$/.exec(e164.replace(/[\s().-]/g, ''))?.[1];
  if (digits === undefined) return undefined;
  if (digits.startsWith('1') && digits.length === 11) {
    if (byAreaCode === undefined) {
      byAreaCode = new Map();
      for (const [zone, codes] of Object.entries(NANP)) {
        for (const code of codes.split(' ')) if (/^\d{3}$/.test(code)) byAreaCode.set(code, zone);
      }
    }
    return byAreaCode.get(digits.slice(1, 4));
  }
  return COUNTRY[digits.slice(0, 3)] ?? COUNTRY[digits.slice(0, 2)];
}
