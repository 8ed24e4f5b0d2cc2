/** English. Every string a person sees, on a page or in an API error, lives here. */
export default {
  code: "en",
  name: "English",
  messages: {
    "format.locale": "en-GB",
    "format.date": "{weekday} {day} {month} {year}",
    "format.time": "{hour12}:{minute}{dayPeriod}",
    "format.am": "am",
    "format.pm": "pm",
    "format.dateTime": "{time} on {date}",

    "site.skipLink": "Skip to main content",
    "site.navigation": "Main",
    "site.home": "Home",
    "site.readDraft": "Read the draft",
    "site.howToTakePart": "How to take part",
    "site.footerLinks": "About this website",
    "site.accessibility": "Accessibility statement",
    "site.privacy": "Privacy notice",
    "site.contactLine": "Questions about this consultation: email {email} or phone {phone}.",
    "site.draftTag": "Draft for consultation",

    "status.notOpen": "This consultation opens at {opensAt}.",
    "status.open": "Closes at {closesAt}.",
    "status.closed": "This consultation closed at {closesAt}. Thank you to everyone who took part.",

    "home.title": "Have your say on the {title}",
    "home.lede": "{organisation} has written a draft plan for how it will prevent homelessness and end rough sleeping over the next five years. It was written with people who have been homeless. Before it is final, we want to know what you think.",
    "home.whatTitle": "What we are asking",
    "home.what": "Read the draft and tell us what you think of any part of it. You can comment on a single paragraph, on several, or on the plan as a whole. You do not need to read all of it.",
    "home.whoTitle": "Who is asking",
    "home.who": "{organisation} is running this consultation with people who have lived experience of homelessness.",
    "home.whenTitle": "When",
    "home.waysTitle": "Ways to take part",
    "home.wayOnline": "Online: read the draft on this website and use the “Comment on paragraph” link next to any paragraph. You do not need an account or an email address.",
    "home.wayKiosk": "At a kiosk: use the computer at a day centre or hostel, on your own or with a support worker.",
    "home.wayPaper": "On paper: ask for a paper form at a day centre. A support worker will type it in for you and give you your reference.",
    "home.afterTitle": "What happens to your comments",
    "home.after": "Every comment is read. After the consultation closes we will publish “You said, we did”, showing what people told us and what we changed because of it. You will get a reference so you can look up what happened to your own comment.",
    "home.start": "Read the draft strategy",

    "contents.title": "Contents",
    "contents.lede": "The draft has {sections} sections. Each paragraph has a number, such as 3.2, so you can say exactly which part you mean.",
    "contents.general": "Comment on the strategy as a whole",
    "contents.paragraphCount": "{count} paragraphs",

    "section.label": "Section {number}",
    "section.paragraph": "Paragraph {number}",
    "section.commentOn": "Comment on paragraph {number}",
    "section.previous": "Previous section",
    "section.next": "Next section",
    "section.contents": "All sections",
    "section.pagination": "Sections",

    "comment.title": "Comment on paragraph {number}",
    "comment.generalTitle": "Comment on the strategy as a whole",
    "comment.paragraphIntro": "You are commenting on this paragraph:",
    "comment.howTo": "To comment, email {email}, phone {phone}, or write to {address}. Please say which paragraph your comment is about: {number}.",
    "comment.backToParagraph": "Back to paragraph {number}",

    "takePart.title": "How to take part",

    "notFound.title": "Page not found",
    "notFound.body": "If you typed the web address, check it is correct. If you followed a link, the page may have moved.",
    "notFound.home": "Go to the home page",

    "error.not_found": "There is nothing at this address.",
    "error.method_not_allowed": "This address does not accept that kind of request.",
    "error.internal": "Something went wrong on our side. Your request was not saved. Please try again in a few minutes.",
    "error.unavailable": "The service is not available right now. Please try again in a few minutes.",
    "error.misconfigured": "The consultation dates are set up wrongly. Please tell the council.",

    // Officers' area (admin.*) below this line.
  },
} as const;
