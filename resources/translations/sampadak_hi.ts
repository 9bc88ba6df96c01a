<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
<context>
    <name>ArticleList</name>
    <message>
        <source>Articles</source>
        <extracomment>Status value → bilingual label, in workflow order (one table: core.workflow.statuses). Text colour of a deadline that has passed (an open story, see ``is_overdue``). The light theme&apos;s overdue colour (live: ``theme.colours().overdue_text``). Put before the status of a story whose embargo is still ahead (the list&apos;s badge). Put before the names of the others editing a story now (soft locks, live refresh). Sort key of each column in list mode (search mode sorts the loaded hits by rank). Rows fetched per page from the database (search hits come without snippets: the model asks for the snippets of the rows it paints).</extracomment>
        <translation>लेख</translation>
    </message>
</context>
<context>
    <name>BundleMergeDialog</name>
    <message>
        <source>Fields that differ</source>
        <translation>अलग फ़ील्ड</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Check findings</source>
        <extracomment>Title of spelling findings (not a lint rule, so not in the rule catalog).</extracomment>
        <translation>जांच के नतीजे</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Comment threads</source>
        <extracomment>field -&gt; (stored text, text shown, their diff): one diff per field and change The window&apos;s Ctrl+Alt+M action (set by :func:`install_comments`).</extracomment>
        <translation>टिप्पणियों के सूत्र</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Differences between revisions</source>
        <extracomment>Background colours of added/removed words and of the changed aksharas inside them, in the light theme (the live ones come from ``theme.colours()`` through :func:`diff_css`). Unchanged lines shown before and after each changed stretch of a long text.</extracomment>
        <translation>संस्करणों के बीच अंतर</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Revisions</source>
        <extracomment>The timeline of this article id was just shown (live refresh&apos;s Compare waits on it).</extracomment>
        <translation>संस्करण</translation>
    </message>
</context>
<context>
    <name>HouseStyleDialog</name>
    <message>
        <source>House style sheet, TOML</source>
        <translation>हाउस स्टाइल शीट, TOML</translation>
    </message>
</context>
<context>
    <name>ImageChooserDialog</name>
    <message>
        <source>Images of the article</source>
        <translation>लेख के चित्र</translation>
    </message>
</context>
<context>
    <name>ImagesPanel</name>
    <message>
        <source>Images of the article</source>
        <translation>लेख के चित्र</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Files read</source>
        <translation>पढ़ी गई फ़ाइलें</translation>
    </message>
</context>
<context>
    <name>LiveBanner</name>
    <message>
        <source>Changed by {name}, just now</source>
        <translation>बदला गया: {name}, अभी</translation>
    </message>
    <message>
        <source>Changed by {name}, {n} min ago</source>
        <translation>बदला गया: {name}, {n} मिनट पहले</translation>
    </message>
    <message>
        <source>Changed by {name}, {n} h ago</source>
        <translation>बदला गया: {name}, {n} घंटे पहले</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>फिर से लोड करें</translation>
    </message>
    <message>
        <source>Show the version stored by the other user</source>
        <translation>दूसरे उपयोगकर्ता का सहेजा संस्करण दिखाएं</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>तुलना करें</translation>
    </message>
    <message>
        <source>Show what changed in the History tab</source>
        <translation>इतिहास टैब में बदलाव दिखाएं</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>यह सूचना छिपाएं</translation>
    </message>
    <message>
        <source>{names} editing now</source>
        <extracomment>How often &quot;2 मिनट पहले&quot; is re-worded while shown. The banner&apos;s colour in the light theme (a notice, not an error; the live colours are ``theme.colours().banner`` and ``banner_text``).</extracomment>
        <translation>{names} संपादन कर रहे हैं</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <source>another user</source>
        <extracomment>Changes arriving within this time are handled together (one read, one repaint). A soft lock is given up after this long without an edit (the window stays open).</extracomment>
        <translation>कोई और</translation>
    </message>
    <message>
        <source>Reload the story</source>
        <translation>लेख फिर से लोड करें</translation>
    </message>
    <message>
        <source>Another user changed this story. Reload it and drop your unsaved edits?</source>
        <translation>किसी और ने यह लेख बदला है। इसे फिर से लोड करें और आपके बिना सहेजे बदलाव छोड़ दें?</translation>
    </message>
    <message>
        <source>Live updates lost: reconnecting…</source>
        <translation>लाइव अपडेट रुके: फिर से जुड़ रहे हैं…</translation>
    </message>
    <message>
        <source>Live updates are back</source>
        <translation>लाइव अपडेट फिर से चालू</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Newsroom login</source>
        <translation>न्यूज़रूम लॉगिन</translation>
    </message>
    <message>
        <source>Log in to the newsroom database {database}.</source>
        <translation>न्यूज़रूम डेटाबेस {database} में लॉगिन करें।</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>लॉगिन</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>सिस्टम कीरिंग में याद रखें</translation>
    </message>
    <message>
        <source>The password cannot be remembered.</source>
        <translation>पासवर्ड याद नहीं रखा जा सकता।</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;History tab</source>
        <translation>इतिहास टैब</translation>
    </message>
    <message>
        <source>Co&amp;mments tab</source>
        <translation>टिप्पणियां टैब</translation>
    </message>
    <message>
        <source>Revie&amp;w tab</source>
        <translation>समीक्षा टैब</translation>
    </message>
    <message>
        <source>Des&amp;k tab</source>
        <translation>डेस्क टैब</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Dateline with a date</source>
        <translation>डेटलाइन में तारीख</translation>
    </message>
    <message>
        <source>Dateline date</source>
        <translation>डेटलाइन की तारीख</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Appearance</source>
        <extracomment>``ui_language`` values and how the dialog names them.</extracomment>
        <translation>रूप-रंग</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>सिस्टम के अनुसार</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>हल्का</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>गहरा</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>थीम</translation>
    </message>
    <message>
        <source>Applies at once</source>
        <translation>तुरंत लागू</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Your profile</source>
        <translation>आपका परिचय</translation>
    </message>
    <message>
        <source>Welcome to Sampadak.</source>
        <translation>संपादक में आपका स्वागत है।</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Text with suggestions</source>
        <extracomment>(accept?, suggestion ids or None for all, author id or None)</extracomment>
        <translation>सुझावों वाला पाठ</translation>
    </message>
    <message>
        <source>Open suggestions</source>
        <translation>खुले सुझाव</translation>
    </message>
    <message>
        <source>Decided suggestions</source>
        <translation>तय किए गए सुझाव</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <source>Body</source>
        <translation>मुख्य पाठ</translation>
    </message>
    <message>
        <source>Body, Markdown source</source>
        <translation>मुख्य पाठ, Markdown स्रोत</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>Keys Qt handles without a QAction of ours: (keys, what they do).</extracomment>
        <translation>कुंजीपटल शॉर्टकट</translation>
    </message>
</context>
</TS>
