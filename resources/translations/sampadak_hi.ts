<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>Cannot use the backup</source>
        <extracomment>Asks who the user is on first run; returns (name, role) or None when cancelled. Asks what to do about a damaged database, given the newest backup (or None). Folder under the cache folder holding read-only working copies of backups.</extracomment>
        <translation>बैकअप नहीं खुला</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>डेटाबेस नहीं खुला</translation>
    </message>
    <message>
        <source>read-only backup</source>
        <translation>केवल पढ़ने के लिए: बैकअप</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>search all articles</source>
        <translation>सभी लेखों में खोजें — &quot;वाक्यांश&quot; भी</translation>
    </message>
    <message>
        <source>everywhere</source>
        <translation>सब जगह</translation>
    </message>
    <message>
        <source>headlines</source>
        <translation>केवल शीर्षक</translation>
    </message>
    <message>
        <source>search scope</source>
        <translation>खोज का दायरा</translation>
    </message>
    <message>
        <source>desk queue</source>
        <translation>डेस्क की सूची</translation>
    </message>
    <message>
        <source>All stories</source>
        <translation>सभी लेख</translation>
    </message>
    <message>
        <source>all statuses</source>
        <translation>सभी स्थितियां</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>रद्दी</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>लेख</translation>
    </message>
    <message>
        <source>all tags</source>
        <translation>सभी टैग</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Headline</source>
        <extracomment>Status value → the core&apos;s bilingual label, in workflow order (core.workflow.statuses). The GUI shows :func:`editor_app.gui.display_names.status_label` instead (UI language).</extracomment>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>बाइलाइन</translation>
    </message>
    <message>
        <source>Changed</source>
        <extracomment>Desk columns (wip-queues): who has the story and by when. Rows re-measured after a column resize only up to this many (wrapping headlines); beyond it the lazy list keeps uniform heights. At most this many rows from the top of the viewport are measured per fit.</extracomment>
        <translation>बदलाव</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>संपादक</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>समय-सीमा</translation>
    </message>
    <message>
        <source>embargo</source>
        <extracomment>Text colour of a deadline that has passed (an open story, see ``is_overdue``). The light theme&apos;s overdue colour (live: ``theme.colours().overdue_text``). Put before the names of the others editing a story now (soft locks, live refresh).</extracomment>
        <translation>रोक</translation>
    </message>
    <message>
        <source>untitled</source>
        <extracomment>Sort key of each column in list mode (search mode sorts the loaded hits by rank). Rows fetched per page from the database (search hits come without snippets: the model asks for the snippets of the rows it paints).</extracomment>
        <translation>बिना शीर्षक</translation>
    </message>
    <message>
        <source>{status}; embargo until {time}</source>
        <translation>{status}; रोक {time} तक</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>समय-सीमा बीत गई</translation>
    </message>
    <message>
        <source>Deadline: {time}</source>
        <translation>समय-सीमा: {time}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>संपादक सौंपें</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>समय-सीमा</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>किसे</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>nothing</source>
        <extracomment>How often the dashboard re-reads the counts for writers elsewhere (while shown). Quiet time after this window&apos;s last write before the counts are read again.</extracomment>
        <translation>कुछ नहीं</translation>
    </message>
</context>
<context>
    <name>BundleMergeDialog</name>
    <message>
        <source>changed here</source>
        <translation>डेस्क ने बदला</translation>
    </message>
    <message>
        <source>changed in the bundle</source>
        <translation>बंडल में बदला</translation>
    </message>
    <message>
        <source>changed on both sides</source>
        <translation>दोनों ने बदला</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>मेरा</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>उनका</translation>
    </message>
    <message>
        <source>both: copy</source>
        <translation>दोनों, प्रति बनाएं</translation>
    </message>
    <message>
        <source>Bundle conflict</source>
        <translation>टकराव: बंडल</translation>
    </message>
    <message>
        <source>This story changed here and in the bundle: choose per field. Nothing is lost: with &quot;both&quot; theirs is kept as a copy.</source>
        <translation>यह लेख डेस्क पर और बंडल में, दोनों जगह बदला गया है। हर फ़ील्ड के लिए चुनें। कुछ नहीं खोता: “दोनों” चुनने पर उनका पाठ प्रति के रूप में रहता है।</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>फ़ील्ड</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>मेरा, डेस्क</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>का, बंडल</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>चुनें</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>अलग फ़ील्ड</translation>
    </message>
</context>
<context>
    <name>BylineEditor</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>रोमन</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>पद</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>संस्थान</translation>
    </message>
    <message>
        <source>Name in Devanagari</source>
        <extracomment>Columns spell-checked once :meth:`BylineEditor.attach_spelling` is called (not Latin).</extracomment>
        <translation>नाम देवनागरी में</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>नाम रोमन अक्षरों में</translation>
    </message>
    <message>
        <source>Designation, e.g. Correspondent</source>
        <translation>पद, जैसे संवाददाता</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <source>Add byline</source>
        <translation>बाइलाइन जोड़ें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएं</translation>
    </message>
    <message>
        <source>Remove byline</source>
        <translation>चुनी हुई बाइलाइन हटाएं</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>ऊपर ले जाएं</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>नीचे ले जाएं</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Spelling</source>
        <extracomment>Title of spelling findings (not a lint rule, so not in the rule catalog).</extracomment>
        <translation>वर्तनी</translation>
    </message>
    <message>
        <source>Check findings</source>
        <translation>जांच के नतीजे</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>जांच</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>पाठ</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>सुधारें</translation>
    </message>
    <message>
        <source>Fix all of kind</source>
        <translation>सभी सुधारें</translation>
    </message>
    <message>
        <source>Ignore…</source>
        <translation>अनदेखा…</translation>
    </message>
    <message>
        <source>Show ignored</source>
        <translation>अनदेखे दिखाएं</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>अनदेखे</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>कोई कारण नहीं</translation>
    </message>
    <message>
        <source>checks: {n} findings</source>
        <translation>जांच: {n} सुझाव</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>Reason (optional), reviewers see it:</source>
        <translation>कारण (वैकल्पिक) — समीक्षक इसे देखेंगे:</translation>
    </message>
    <message>
        <source>Could not ignore</source>
        <translation>अनदेखा नहीं हुआ</translation>
    </message>
</context>
<context>
    <name>CommentThreads</name>
    <message>
        <source>text deleted</source>
        <translation>पाठ हटाया गया</translation>
    </message>
    <message>
        <source>on the whole story</source>
        <translation>पूरे लेख पर</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>हल</translation>
    </message>
    <message>
        <source>open</source>
        <translation>खुली</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation>टिप्पणियां</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>टिप्पणी जोड़ें</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <extracomment>field -&gt; (stored text, text shown, their diff): one diff per field and change The window&apos;s Ctrl+Alt+M action (set by :func:`install_comments`).</extracomment>
        <translation>हल हुई भी दिखाएं</translation>
    </message>
    <message>
        <source>Comment threads</source>
        <translation>टिप्पणियों के सूत्र</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Write a comment; Ctrl+Enter adds it</source>
        <translation>टिप्पणी लिखें…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>जवाब दें</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>हल करें</translation>
    </message>
    <message>
        <source>select text in the headline, dek or body first</source>
        <translation>पहले शीर्षक, सार या मुख्य पाठ में पाठ चुनें</translation>
    </message>
    <message>
        <source>select some text first</source>
        <translation>पहले पाठ चुनें</translation>
    </message>
    <message>
        <source>comment on {field}: {quote}</source>
        <translation>{field}: {quote} पर टिप्पणी</translation>
    </message>
    <message>
        <source>comment added</source>
        <translation>टिप्पणी जोड़ी गई</translation>
    </message>
    <message>
        <source>reply added</source>
        <translation>जवाब जोड़ा गया</translation>
    </message>
    <message>
        <source>could not do it</source>
        <translation>नहीं हो सका</translation>
    </message>
    <message>
        <source>no article open</source>
        <translation>कोई लेख नहीं खुला</translation>
    </message>
    <message>
        <source>{open} open, {resolved} resolved</source>
        <translation>{open} खुली, {resolved} हल</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>फिर खोलें</translation>
    </message>
    <message>
        <source>a comment on the whole story</source>
        <translation>पूरे लेख पर टिप्पणी</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Theirs: stored version {version}, saved by {author} at {when}</source>
        <translation>उनका: सहेजा हुआ संस्करण {version}, {author} ने {when} पर सहेजा</translation>
    </message>
    <message>
        <source>Mine: not saved yet</source>
        <translation>मेरा: अभी सहेजा नहीं गया</translation>
    </message>
    <message>
        <source>Your text is the same as theirs: nothing would be lost.</source>
        <translation>आपका पाठ उनके पाठ जैसा ही है: कुछ भी नहीं खोएगा।</translation>
    </message>
    <message>
        <source>Struck through in red: only in theirs. Underlined in green: only in mine.</source>
        <translation>लाल में कटा हुआ: केवल उनके पाठ में। हरे में रेखांकित: केवल मेरे पाठ में।</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <source>Someone else saved this article after you opened it.</source>
        <translation>यह लेख किसी और ने इस बीच बदल दिया है।</translation>
    </message>
    <message>
        <source>Show inline</source>
        <translation>एक ही पाठ में दिखाएं</translation>
    </message>
    <message>
        <source>Their version could not be read, so it cannot be shown here; every choice below still works.</source>
        <translation>उनका संस्करण पढ़ा नहीं जा सका, इसलिए यहां नहीं दिख सकता; नीचे का हर विकल्प फिर भी काम करता है।</translation>
    </message>
    <message>
        <source>Save yours as a copy, keep yours as the newest version (theirs stays in the history), or load theirs and drop your unsaved changes.</source>
        <translation>अपना पाठ प्रति के रूप में सहेजें, अपना पाठ सबसे नए संस्करण के रूप में रखें (उनका इतिहास में रहेगा), या उनका पाठ खोलें और अपने बिना सहेजे बदलाव छोड़ दें।</translation>
    </message>
    <message>
        <source>Save mine as copy</source>
        <translation>प्रतिलिपि सहेजें</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>मेरा रखें</translation>
    </message>
    <message>
        <source>Load theirs</source>
        <translation>उनका लें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Switch user</source>
        <translation>उपयोगकर्ता बदलें</translation>
    </message>
    <message>
        <source>who is working now?</source>
        <translation>अब कौन काम कर रहा है?</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>Database damaged</source>
        <translation>डेटाबेस खराब है</translation>
    </message>
    <message>
        <source>The database file is damaged; Sampadak cannot open it.</source>
        <translation>डेटाबेस फ़ाइल खराब हो गई है, इसलिए Sampadak उसे नहीं खोल सकता।</translation>
    </message>
    <message>
        <source>Latest backup</source>
        <translation>सबसे नया बैकअप</translation>
    </message>
    <message>
        <source>Open the backup read-only to read or copy from it, or restore it: the damaged file is kept aside, and work saved after the backup is not in it.</source>
        <translation>बैकअप को केवल पढ़ने के लिए खोलें, या उसे वापस लाएं: खराब फ़ाइल अलग रख दी जाएगी। बैकअप के बाद सहेजा गया काम उसमें नहीं है।</translation>
    </message>
    <message>
        <source>Open backup read-only</source>
        <translation>बैकअप पढ़ें</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>बैकअप वापस लाएं</translation>
    </message>
    <message>
        <source>No backup was found. Copy the file somewhere safe and run `sampadak doctor` for details.</source>
        <translation>कोई बैकअप नहीं मिला। फ़ाइल को सुरक्षित जगह कॉपी करें और `sampadak doctor` चलाएं।</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Desk</source>
        <translation>डेस्क</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>By status</source>
        <translation>स्थिति के अनुसार</translation>
    </message>
    <message>
        <source>Open, by assignee</source>
        <translation>खुले लेख, संपादक अनुसार</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>फिर से गिनें</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>कुल लेख</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>समय-सीमा बीती</translation>
    </message>
    <message>
        <source>Open, unassigned</source>
        <translation>बिना संपादक, खुले</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>कोई नहीं</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>&amp;Desk</source>
        <translation>डेस्क</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>संपादक सौंपें…</translation>
    </message>
    <message>
        <source>&amp;Take the story</source>
        <translation>खुद लें</translation>
    </message>
    <message>
        <source>&amp;Unassign</source>
        <translation>सौंपना हटाएं</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>सौंपा गया</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>सौंपना हटाया</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>सौंपा नहीं गया</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>why?</source>
        <translation>कारण लिखें</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>जांच अनदेखी करें</translation>
    </message>
    <message>
        <source>reason for the override, goes into the audit log</source>
        <translation>अनदेखा करने का कारण, ऑडिट लॉग में दर्ज होगा</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>revision {old} → {new}</source>
        <extracomment>Background colours of added/removed words and of the changed aksharas inside them, in the light theme (the live ones come from ``theme.colours()`` through :func:`diff_css`). Unchanged lines shown before and after each changed stretch of a long text.</extracomment>
        <translation>संस्करण {old} → {new}</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>कोई बदलाव नहीं</translation>
    </message>
    <message>
        <source>Differences between revisions</source>
        <translation>संस्करणों के बीच अंतर</translation>
    </message>
    <message>
        <source>select revisions to compare</source>
        <translation>तुलना के लिए संस्करण चुनें</translation>
    </message>
</context>
<context>
    <name>EmbargoBadge</name>
    <message>
        <source>Embargo until {time}</source>
        <translation>रोक {time} तक</translation>
    </message>
    <message>
        <source>not exported before then unless a desk chief overrides</source>
        <translation>इस समय से पहले निर्यात नहीं होगा; डेस्क प्रमुख कारण लिखकर छूट दे सकते हैं</translation>
    </message>
</context>
<context>
    <name>EmbargoDialog</name>
    <message>
        <source>Embargo</source>
        <translation>रोक</translation>
    </message>
    <message>
        <source>not before</source>
        <translation>इस समय से पहले प्रकाशित न करें</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database is damaged. Changes since the last save may not be stored. Close Sampadak and start it again to open or restore the latest backup.</source>
        <translation>डेटाबेस खराब है। पिछली बार सहेजने के बाद के बदलाव शायद सहेजे नहीं गए। Sampadak बंद करके फिर खोलें: वह सबसे नया बैकअप खोलने या वापस लाने का विकल्प देगा।</translation>
    </message>
    <message>
        <source>Sampadak could not write to the database; your latest changes are not saved yet.</source>
        <translation>डेटाबेस में लिखा नहीं जा सका; आपके ताज़ा बदलाव अभी सहेजे नहीं गए हैं।</translation>
    </message>
    <message>
        <source>Something went wrong. Your text is autosaved; details are in the log file.</source>
        <translation>कुछ गड़बड़ हुई। आपका लेख अपने-आप सहेजा गया है; ब्योरा लॉग फ़ाइल में है।</translation>
    </message>
    <message>
        <source>error</source>
        <translation>त्रुटि</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Export…</source>
        <extracomment>Emitted when a batch export ended: the per-article results.</extracomment>
        <translation>निर्यात…</translation>
    </message>
    <message>
        <source>HTML pre&amp;view</source>
        <translation>HTML पूर्वावलोकन</translation>
    </message>
    <message>
        <source>&amp;Copy HTML fragment</source>
        <translation>HTML अंश कॉपी करें</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>प्रिंट…</translation>
    </message>
    <message>
        <source>Print previe&amp;w</source>
        <translation>प्रिंट पूर्वावलोकन</translation>
    </message>
    <message>
        <source>Export</source>
        <extracomment>Asked after the export dialog (wip-queues: the embargo check): whether to go on (False: refused, the reason was shown) and a desk chief&apos;s override, if any.</extracomment>
        <translation>निर्यात</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>पहले कोई लेख खोलें।</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>निर्यात हो रहा है…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>निर्यात नहीं हुआ</translation>
    </message>
    <message>
        <source>{n} exported</source>
        <translation>{n} लेख निर्यात हुए</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <translation>{n} रोके गए</translation>
    </message>
    <message>
        <source>Some articles failed</source>
        <translation>कुछ लेख निर्यात नहीं हुए</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} नहीं हुए</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Standalone HTML</source>
        <extracomment>Format → its English name (translated in context &quot;ExportDialog&quot; where shown).</extracomment>
        <translation>पूरा HTML पेज</translation>
    </message>
    <message>
        <source>HTML fragment for a CMS</source>
        <translation>HTML अंश, CMS के लिए</translation>
    </message>
    <message>
        <source>Bundle .zip</source>
        <translation>बंडल .zip</translation>
    </message>
    <message>
        <source>PDF proof</source>
        <translation>PDF प्रूफ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>निर्यात</translation>
    </message>
    <message>
        <source>&amp;Open article</source>
        <translation>खुला लेख</translation>
    </message>
    <message>
        <source>&amp;{n} articles selected in the list</source>
        <translation>सूची में चुने {n} लेख</translation>
    </message>
    <message>
        <source>&amp;Every article with status</source>
        <translation>इस स्थिति के सभी लेख</translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation>फ़ाइल या फ़ोल्डर</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>&amp;Headline and byline in the fragment</source>
        <translation>अंश में शीर्षक और बाइलाइन</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>प्रारूप</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>लेख</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>कहां</translation>
    </message>
    <message>
        <source>&amp;Site URL</source>
        <translation>साइट URL</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>कहां सहेजें</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>फ़ोल्डर चुनें</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Headline</source>
        <extracomment>Article fields (core.review.history.FIELD_LABELS has the same, bilingual, for the CLI).</extracomment>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Dek</source>
        <translation>सार</translation>
    </message>
    <message>
        <source>Bylines</source>
        <translation>बाइलाइन</translation>
    </message>
    <message>
        <source>Dateline place</source>
        <translation>डेटलाइन</translation>
    </message>
    <message>
        <source>Dateline date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>स्लग</translation>
    </message>
    <message>
        <source>Related links</source>
        <translation>इसे भी पढ़ें</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>मुख्य पाठ</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>इससे बदलें</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>केस मिलाएं</translation>
    </message>
    <message>
        <source>whole word</source>
        <translation>पूरा शब्द</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>केवल पूरे शब्द</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>रेगुलर एक्सप्रेशन</translation>
    </message>
    <message>
        <source>Ignore nukta and nasal marks</source>
        <translation>नुक़्ता और चंद्रबिंदु/अनुस्वार का अंतर अनदेखा करें</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>पिछला मिलान</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>अगला मिलान</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>यह बदलें</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>सब बदलें</translation>
    </message>
    <message>
        <source>Replace all, one undo step</source>
        <translation>सभी बदलें, एक पूर्ववत में</translation>
    </message>
    <message>
        <source>{n} replaced</source>
        <translation>{n} बदले</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} मिले</translation>
    </message>
</context>
<context>
    <name>FocusChain</name>
    <message>
        <source>Go to headline</source>
        <extracomment>name -&gt; (menu label, shortcut). Alt+digit and Ctrl+L are free in every widget we use.</extracomment>
        <translation>शीर्षक पर जाएं</translation>
    </message>
    <message>
        <source>Go to dek</source>
        <translation>सार पर जाएं</translation>
    </message>
    <message>
        <source>Go to body</source>
        <translation>मुख्य पाठ पर जाएं</translation>
    </message>
    <message>
        <source>Go to article list</source>
        <translation>लेख सूची पर जाएं</translation>
    </message>
    <message>
        <source>Go to search</source>
        <translation>खोज पर जाएं</translation>
    </message>
</context>
<context>
    <name>FontPicker</name>
    <message>
        <source>Choose font</source>
        <translation>फ़ॉन्ट चुनें</translation>
    </message>
    <message>
        <source>All fonts</source>
        <translation>सभी फ़ॉन्ट, बिना देवनागरी वाले भी</translation>
    </message>
    <message>
        <source>Sample: type your own</source>
        <translation>नमूना: अपना पाठ भी लिख सकते हैं</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>फ़ॉन्ट</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>नमूना</translation>
    </message>
    <message>
        <source>Devanagari fonts</source>
        <translation>देवनागरी फ़ॉन्ट</translation>
    </message>
    <message>
        <source>Other fonts: no Devanagari</source>
        <translation>अन्य फ़ॉन्ट: हिंदी नहीं लिखते</translation>
    </message>
    <message>
        <source>This font has no Devanagari.</source>
        <translation>यह फ़ॉन्ट देवनागरी नहीं लिखता; हिंदी किसी और फ़ॉन्ट से दिखेगी।</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>status change</source>
        <translation>स्थिति बदली</translation>
    </message>
    <message>
        <source>workflow</source>
        <translation>कार्यप्रवाह</translation>
    </message>
    <message>
        <source>trashed</source>
        <translation>रद्दी में</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>रद्दी से वापस</translation>
    </message>
    <message>
        <source>import</source>
        <translation>आयात</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>बंडल से मिलाया</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>किसने</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>Revisions</source>
        <extracomment>The timeline of this article id was just shown (live refresh&apos;s Compare waits on it).</extracomment>
        <translation>संस्करण</translation>
    </message>
    <message>
        <source>select two revisions, or one</source>
        <translation>दो संस्करण चुनें, या एक</translation>
    </message>
    <message>
        <source>with the previous revision</source>
        <translation>पिछले संस्करण से</translation>
    </message>
    <message>
        <source>with the current revision</source>
        <translation>अभी के संस्करण से</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>साथ-साथ</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>इस संस्करण पर लौटें</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>तुलना</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>संस्करण {n}</translation>
    </message>
    <message>
        <source>override</source>
        <translation>नियम से हटकर</translation>
    </message>
    <message>
        <source>comparing the first and last selected</source>
        <translation>पहले और आखिरी चुने संस्करण की तुलना</translation>
    </message>
    <message>
        <source>the first revision: nothing before it</source>
        <translation>पहला संस्करण: इससे पहले कुछ नहीं</translation>
    </message>
    <message>
        <source>could not compare</source>
        <translation>तुलना नहीं हो सकी</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>संस्करण पर लौटें</translation>
    </message>
    <message>
        <source>Save revision {n}&apos;s text and details as a new revision? The current text stays in the history.</source>
        <translation>संस्करण {n} का पाठ और विवरण नए संस्करण के रूप में सहेजें? अभी का पाठ इतिहास में रहेगा।</translation>
    </message>
</context>
<context>
    <name>HouseStyleDialog</name>
    <message>
        <source>House style</source>
        <translation>हाउस स्टाइल</translation>
    </message>
    <message>
        <source>Import TOML…</source>
        <translation>आयात…</translation>
    </message>
    <message>
        <source>Export TOML…</source>
        <translation>निर्यात…</translation>
    </message>
    <message>
        <source>House style sheet, TOML</source>
        <translation>हाउस स्टाइल शीट, TOML</translation>
    </message>
    <message>
        <source>last changed</source>
        <translation>अंतिम बदलाव</translation>
    </message>
    <message>
        <source>shipped default</source>
        <translation>न्यूज़रूम की मूल शैली</translation>
    </message>
    <message>
        <source>desk chief only</source>
        <translation>केवल डेस्क प्रमुख बदल सकते हैं</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>मान्य</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
        <source>House style TOML</source>
        <translation>हाउस स्टाइल TOML</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>सभी फ़ाइलें</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>आयात नहीं हुआ</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>निर्यात नहीं हुआ</translation>
    </message>
</context>
<context>
    <name>HtmlPreview</name>
    <message>
        <source>HTML preview</source>
        <translation>HTML पूर्वावलोकन</translation>
    </message>
</context>
<context>
    <name>ImageChooserDialog</name>
    <message>
        <source>Insert image</source>
        <translation>चित्र डालें</translation>
    </message>
    <message>
        <source>Images of the article</source>
        <translation>लेख के चित्र</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>संदर्भ</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>वैकल्पिक पाठ</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>कैप्शन</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>श्रेय</translation>
    </message>
</context>
<context>
    <name>ImagesPanel</name>
    <message>
        <source>Images of the article</source>
        <translation>लेख के चित्र</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>कैप्शन</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>साभार / फ़ोटो</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>विवरण — दृष्टिबाधित पाठकों के लिए</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>चित्र जोड़ें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएं</translation>
    </message>
    <message>
        <source>Insert in text</source>
        <translation>पाठ में डालें</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Choose image</source>
        <translation>चित्र चुनें</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>चित्र</translation>
    </message>
    <message>
        <source>Image not added</source>
        <translation>चित्र नहीं जुड़ा</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>हटाया नहीं गया</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Stories</source>
        <translation>खबरें</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>सभी फ़ाइलें</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>आयात करें</translation>
    </message>
    <message>
        <source>files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>tags, comma-separated</source>
        <translation>टैग, कॉमा से अलग</translation>
    </message>
    <message>
        <source>Add suggested tags</source>
        <translation>सुझाए टैग जोड़ें</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Dek</source>
        <translation>परिचय</translation>
    </message>
    <message>
        <source>Bylines</source>
        <translation>बायलाइन</translation>
    </message>
    <message>
        <source>Dateline place</source>
        <translation>डेटलाइन</translation>
    </message>
    <message>
        <source>Dateline date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>टैग</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>श्रेणी</translation>
    </message>
    <message>
        <source>Body, Markdown</source>
        <translation>मुख्य पाठ, Markdown</translation>
    </message>
    <message>
        <source>Recognised: subheadings, related links, dropped</source>
        <translation>पहचाना गया</translation>
    </message>
    <message>
        <source>Import checked</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>पढ़ी गई फ़ाइलें</translation>
    </message>
    <message>
        <source>Storing stopped</source>
        <translation>सहेजना रोका गया</translation>
    </message>
    <message>
        <source>Reading cancelled</source>
        <translation>रोका गया</translation>
    </message>
    <message>
        <source>related</source>
        <translation>इसे भी पढ़ें</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>हटाया</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>चेतावनी</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>एजेंसी</translation>
    </message>
    <message>
        <source>suggested tags</source>
        <translation>सुझाए टैग</translation>
    </message>
    <message>
        <source>write the date as YYYY-MM-DD; the old date is kept</source>
        <translation>तारीख YYYY-MM-DD में लिखें; पुरानी तारीख रखी गई है</translation>
    </message>
    <message>
        <source>stories stored</source>
        <translation>लेख सहेजे</translation>
    </message>
    <message>
        <source>Stop storing</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>conflict: edited on both sides</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>मिलाया गया</translation>
    </message>
    <message>
        <source>the rest stopped</source>
        <translation>बाकी रोके गए</translation>
    </message>
    <message>
        <source>{n} stored</source>
        <translation>{n} लेख सहेजे गए</translation>
    </message>
    <message>
        <source>the clipboard holds no text or web page</source>
        <translation>क्लिपबोर्ड खाली है</translation>
    </message>
</context>
<context>
    <name>JournalStartup</name>
    <message>
        <source>Unsaved changes to “{headline}” were kept on this computer while the server was away; the article was changed elsewhere meanwhile.</source>
        <translation>“{headline}” के न सहेजे गए बदलाव सर्वर से संपर्क टूटने के दौरान इस कंप्यूटर पर रखे गए थे; इस बीच लेख कहीं और बदल दिया गया।</translation>
    </message>
    <message>
        <source>{saved} changes kept on this computer were saved; {waiting} are still waiting</source>
        <translation>इस कंप्यूटर पर रखे {saved} बदलाव सहेजे गए; {waiting} अभी बाकी हैं</translation>
    </message>
    <message>
        <source>{saved} changes kept on this computer were saved</source>
        <translation>इस कंप्यूटर पर रखे {saved} बदलाव सहेजे गए</translation>
    </message>
</context>
<context>
    <name>LegacyPasteDialog</name>
    <message>
        <source>Kruti Dev 010</source>
        <translation>कृतिदेव 010</translation>
    </message>
    <message>
        <source>Walkman Chanakya</source>
        <translation>वॉकमैन चाणक्य</translation>
    </message>
    <message>
        <source>Legacy font text?</source>
        <translation>पुराने फ़ॉन्ट का पाठ?</translation>
    </message>
    <message>
        <source>The pasted text looks typed in a legacy font (confidence {confidence}). Convert it to Unicode?</source>
        <translation>चिपकाया गया पाठ पुराने फ़ॉन्ट में टाइप किया लगता है (भरोसा {confidence})। यूनिकोड में बदलें?</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <source>Paste as is</source>
        <translation>जैसा है वैसा चिपकाएं</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>फ़ॉन्ट</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>मूल</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>पूर्वावलोकन</translation>
    </message>
</context>
<context>
    <name>LiveBanner</name>
    <message>
        <source>{names} editing now</source>
        <extracomment>How often &quot;2 मिनट पहले&quot; is re-worded while shown. The banner&apos;s colour in the light theme (a notice, not an error; the live colours are ``theme.colours().banner`` and ``banner_text``).</extracomment>
        <translation>{names} संपादन कर रहे हैं</translation>
    </message>
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
        <source>Details</source>
        <extracomment>The article now shown (an ArticleRecord), or None: panels follow it (issue 11).</extracomment>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>जांच</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>चित्र</translation>
    </message>
    <message>
        <source>working in the background</source>
        <translation>पृष्ठभूमि में काम चल रहा है</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>लेख नहीं मिला</translation>
    </message>
    <message>
        <source>checking spelling…</source>
        <translation>वर्तनी जांच हो रही है…</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>बदलाव सहेजे नहीं गए…</translation>
    </message>
    <message>
        <source>saved {time}, version {version}</source>
        <translation>सहेजा गया {time}, संस्करण {version}</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>काम पूरा नहीं हुआ</translation>
    </message>
    <message>
        <source>restored from the trash</source>
        <translation>लेख रद्दी से वापस आया</translation>
    </message>
    <message>
        <source>Setting not saved</source>
        <extracomment>Largest paste accepted into the body (about 60 long features).</extracomment>
        <translation>सेटिंग सहेजी नहीं गई</translation>
    </message>
    <message>
        <source>phonetic: bharat → भारत</source>
        <translation>ध्वन्यात्मक: bharat → भारत</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>सीधा टाइपिंग</translation>
    </message>
    <message>
        <source>Paste too large</source>
        <translation>बहुत बड़ा पाठ</translation>
    </message>
    <message>
        <source>The pasted text has {n} characters; the limit is {limit}. Import it as a file instead.</source>
        <translation>चिपकाया गया पाठ {n} अक्षरों का है; सीमा {limit} है। इसे फ़ाइल के रूप में आयात करें।</translation>
    </message>
    <message>
        <source>Spell-check</source>
        <translation>वर्तनी जांच</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>मुख्य पाठ</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>बिना शीर्षक</translation>
    </message>
    <message>
        <source>words {words} · aksharas {aksharas} · characters {characters} · reading ~{minutes} min</source>
        <translation>शब्द {words} · अक्षर {aksharas} · वर्ण {characters} · पढ़ने में ~{minutes} मिनट</translation>
    </message>
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
    <message>
        <source>Sync with &amp;newsroom…</source>
        <translation>न्यूज़रूम से सिंक करें…</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Headline</source>
        <translation>शीर्षक</translation>
    </message>
    <message>
        <source>Dek</source>
        <comment>placeholder</comment>
        <translation>उप-शीर्षक / सार</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>स्थान</translation>
    </message>
    <message>
        <source>Dateline with a date</source>
        <translation>डेटलाइन में तारीख</translation>
    </message>
    <message>
        <source>Dateline date</source>
        <translation>डेटलाइन की तारीख</translation>
    </message>
    <message>
        <source>one a line: title, URL</source>
        <translation>हर पंक्ति में शीर्षक और URL</translation>
    </message>
    <message>
        <source>Related links</source>
        <translation>इसे भी पढ़ें</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>स्वतः</translation>
    </message>
    <message>
        <source>Dek</source>
        <translation>सार</translation>
    </message>
    <message>
        <source>{count} aksharas</source>
        <translation>{count} अक्षर</translation>
    </message>
    <message>
        <source>headline length in aksharas (grapheme clusters)</source>
        <translation>शीर्षक की लंबाई अक्षरों में</translation>
    </message>
</context>
<context>
    <name>Move</name>
    <message>
        <source>Submit</source>
        <translation>जमा करें</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>वापस लें</translation>
    </message>
    <message>
        <source>Start copy edit</source>
        <translation>संपादन शुरू करें</translation>
    </message>
    <message>
        <source>Return to reporter</source>
        <translation>संवाददाता को लौटाएं</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>फिर जमा करें</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>स्वीकृत करें</translation>
    </message>
    <message>
        <source>Reopen for copy edit</source>
        <translation>फिर संपादन में</translation>
    </message>
    <message>
        <source>Mark exported</source>
        <translation>प्रकाशन हेतु भेजा गया</translation>
    </message>
    <message>
        <source>Reopen as an update</source>
        <translation>अपडेट के लिए खोलें</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>हटाएं</translation>
    </message>
    <message>
        <source>Restore from spike</source>
        <translation>रद्द से वापस</translation>
    </message>
</context>
<context>
    <name>PreferencesActions</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>वरीयताएं…</translation>
    </message>
    <message>
        <source>Preferences not saved</source>
        <translation>वरीयताएं सहेजी नहीं गईं</translation>
    </message>
    <message>
        <source>Preferences saved</source>
        <translation>वरीयताएं सहेजी गईं</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>applies at the next start</source>
        <extracomment>``ui_language`` values offered besides &quot;the system&apos;s language&quot; (``i18n.SYSTEM``), each named in its own language (as language pickers do), so it is found whatever the UI shows.</extracomment>
        <translation>अगली बार खोलने पर लागू</translation>
    </message>
    <message>
        <source>System language: {language}</source>
        <translation>सिस्टम की भाषा: {language}</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>वरीयताएं</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>इंटरफ़ेस की भाषा</translation>
    </message>
    <message>
        <source>Menus and messages</source>
        <translation>मेनू और संदेश</translation>
    </message>
    <message>
        <source>Sampadak starts in the chosen language next time; the system language is Hindi for a Hindi locale, English otherwise.</source>
        <translation>Sampadak अगली बार चुनी गई भाषा में खुलेगा; हिंदी लोकेल पर सिस्टम की भाषा हिंदी है, नहीं तो अंग्रेज़ी।</translation>
    </message>
    <message>
        <source>Appearance</source>
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
    <message>
        <source>Editor</source>
        <translation>संपादक</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>फ़ॉन्ट</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>अपने आप: सबसे अच्छा देवनागरी फ़ॉन्ट</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>फ़ॉन्ट का आकार</translation>
    </message>
    <message>
        <source>Save after a pause of</source>
        <translation>रुकने के बाद सहेजें</translation>
    </message>
    <message>
        <source>Save while typing every</source>
        <translation>लगातार लिखते हुए भी सहेजें</translation>
    </message>
    <message>
        <source>Start with phonetic typing</source>
        <translation>ध्वन्यात्मक टाइपिंग से शुरू करें</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>Autosave after a pause</source>
        <translation>रुकने के बाद सहेजें</translation>
    </message>
    <message>
        <source>Autosave while typing, every</source>
        <translation>लिखते हुए भी हर</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>जांच</translation>
    </message>
    <message>
        <source>House style</source>
        <translation>हाउस स्टाइल</translation>
    </message>
    <message>
        <source>Hindi dictionary</source>
        <translation>हिंदी शब्दकोश</translation>
    </message>
    <message>
        <source>English dictionary</source>
        <translation>अंग्रेज़ी शब्दकोश</translation>
    </message>
    <message>
        <source>do not check English words</source>
        <translation>अंग्रेज़ी शब्द न जांचें</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>स्थापित</translation>
    </message>
    <message>
        <source>no dictionaries found: install libenchant-2-2 and hunspell-hi</source>
        <translation>कोई शब्दकोश नहीं मिला: वर्तनी जांच बंद है</translation>
    </message>
    <message>
        <source>dictionaries</source>
        <translation>शब्दकोश</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>प्रोफ़ाइल</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>नाम, रोमन में</translation>
    </message>
    <message>
        <source>e.g. Neha Tripathi</source>
        <translation>जैसे Neha Tripathi</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>रोमन में</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>name</source>
        <translation>नाम</translation>
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
    <name>PublishingActions</name>
    <message>
        <source>&amp;Embargo…</source>
        <translation>रोक…</translation>
    </message>
    <message>
        <source>embargo set</source>
        <translation>रोक लगी</translation>
    </message>
    <message>
        <source>embargo lifted</source>
        <translation>रोक हटी</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>नहीं हुआ</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>रोक</translation>
    </message>
    <message>
        <source>Override embargo</source>
        <translation>रोक में छूट</translation>
    </message>
    <message>
        <source>reason for the override</source>
        <translation>छूट का कारण</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>My queue</source>
        <translation>मेरी सूची</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>मेरी प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>समय-सीमा बीती</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Status not changed</source>
        <translation>स्थिति नहीं बदली</translation>
    </message>
    <message>
        <source>every reason</source>
        <translation>ये कारण हैं</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>फिर भी आगे बढ़ाएं…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>{n} suggestions decided</source>
        <translation>{n} सुझावों पर निर्णय दर्ज हुआ</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>वापस लिया</translation>
    </message>
    <message>
        <source>open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>समीक्षा</translation>
    </message>
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
    <message>
        <source>Accept</source>
        <translation>स्वीकार</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>अस्वीकार</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>सब</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>सब</translation>
    </message>
    <message>
        <source>accept the selected suggestions</source>
        <translation>चुने हुए सुझाव स्वीकार करें</translation>
    </message>
    <message>
        <source>reject the selected suggestions</source>
        <translation>चुने हुए सुझाव अस्वीकार करें</translation>
    </message>
    <message>
        <source>accept every open suggestion</source>
        <translation>सभी खुले सुझाव स्वीकार करें</translation>
    </message>
    <message>
        <source>reject every open suggestion</source>
        <translation>सभी खुले सुझाव अस्वीकार करें</translation>
    </message>
    <message>
        <source>all suggestions by one reviewer</source>
        <translation>किसी एक समीक्षक के सभी सुझाव</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>इनके</translation>
    </message>
    <message>
        <source>accept all suggestions by this reviewer</source>
        <translation>इस समीक्षक के सभी सुझाव स्वीकार करें</translation>
    </message>
    <message>
        <source>reject all suggestions by this reviewer</source>
        <translation>इस समीक्षक के सभी सुझाव अस्वीकार करें</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>सुझाव</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>निर्णय हो चुके</translation>
    </message>
    <message>
        <source>no article open</source>
        <translation>कोई लेख नहीं खुला</translation>
    </message>
    <message>
        <source>in copy edit: every change is recorded as a suggestion</source>
        <translation>संपादन में: हर बदलाव सुझाव के रूप में दर्ज होता है</translation>
    </message>
    <message>
        <source>suggestions waiting for a decision</source>
        <translation>सुझाव निर्णय की प्रतीक्षा में</translation>
    </message>
    <message>
        <source>no open suggestions</source>
        <translation>इस लेख में कोई खुला सुझाव नहीं</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>inserted</source>
        <extracomment>Distinct hues that stay apart on white and for common colour blindness (Okabe-Ito based). The light theme&apos;s author colours (live: ``theme.colours().authors``, darker on white and lighter on the dark background so each reads as text at 4.5:1).</extracomment>
        <translation>जोड़ा</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>हटाया</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>बदला</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <source>Undo</source>
        <translation>पूर्ववत</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>फिर करें</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>गहरा</translation>
    </message>
    <message>
        <source>Strong: **text**</source>
        <translation>गहरा: **पाठ**</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>तिरछा</translation>
    </message>
    <message>
        <source>Emphasis: *text*</source>
        <translation>तिरछा: *पाठ*</translation>
    </message>
    <message>
        <source>H2</source>
        <translation>उपशीर्षक</translation>
    </message>
    <message>
        <source>Subheading: ## text</source>
        <translation>उपशीर्षक: ## पाठ</translation>
    </message>
    <message>
        <source>H3</source>
        <translation>लघु उपशीर्षक</translation>
    </message>
    <message>
        <source>Minor subheading: ### text</source>
        <translation>लघु उपशीर्षक: ### पाठ</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>सामान्य पाठ</translation>
    </message>
    <message>
        <source>Body paragraph</source>
        <translation>सामान्य अनुच्छेद</translation>
    </message>
    <message>
        <source>Bullets</source>
        <translation>बिंदु सूची</translation>
    </message>
    <message>
        <source>Bulleted list: - item</source>
        <translation>बिंदु सूची: - बिंदु</translation>
    </message>
    <message>
        <source>Numbered</source>
        <translation>क्रमांकित सूची</translation>
    </message>
    <message>
        <source>Numbered list: 1. item</source>
        <translation>क्रमांकित सूची: 1. बिंदु</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>उद्धरण</translation>
    </message>
    <message>
        <source>Blockquote: &gt; text</source>
        <translation>उद्धरण: &gt; पाठ</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>लिंक</translation>
    </message>
    <message>
        <source>Link the selection</source>
        <translation>चुने पाठ पर लिंक लगाएं</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>चित्र</translation>
    </message>
    <message>
        <source>Insert an image with caption and credit</source>
        <translation>कैप्शन और श्रेय के साथ चित्र जोड़ें</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>खोजें और बदलें</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Markdown स्रोत</translation>
    </message>
    <message>
        <source>Show the Markdown source</source>
        <translation>Markdown स्रोत दिखाएं</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>बड़ा करें</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>छोटा करें</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>सामान्य आकार</translation>
    </message>
    <message>
        <source>Body, Markdown source</source>
        <translation>मुख्य पाठ, Markdown स्रोत</translation>
    </message>
</context>
<context>
    <name>RichEditorToolbar</name>
    <message>
        <source>Link</source>
        <extracomment>Toolbar texts; the words are shown in one language (``short_label``), as space is short.</extracomment>
        <translation>लिंक</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>चित्र</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>खोज</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Reporter</source>
        <translation>संवाददाता</translation>
    </message>
    <message>
        <source>Copy editor</source>
        <translation>उप-संपादक</translation>
    </message>
    <message>
        <source>Desk chief</source>
        <translation>डेस्क प्रमुख</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>प्रशासक</translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message>
        <source>The server cannot be reached — trying again later</source>
        <translation>सर्वर से संपर्क नहीं हो पा रहा — थोड़ी देर में फिर कोशिश होगी</translation>
    </message>
    <message>
        <source>Connection to the server lost — changes kept safe on this computer</source>
        <translation>सर्वर से संपर्क टूटा — बदलाव इस कंप्यूटर पर सुरक्षित</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>not saved: the database is damaged or read-only; restart Sampadak to recover, your text is still here</source>
        <translation>सहेजा नहीं जा सका — डेटाबेस खराब या केवल-पठन है, पाठ संपादक में है</translation>
    </message>
    <message>
        <source>not saved: your text is kept here and will be retried</source>
        <translation>सहेजा नहीं जा सका — पाठ संपादक में है, फिर कोशिश होगी</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>सहेजा नहीं जा सका</translation>
    </message>
    <message>
        <source>conflict not resolved: changes not saved</source>
        <translation>टकराव सुलझा नहीं — बदलाव सहेजे नहीं गए</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <extracomment>Group names and :data:`KEYS_WITHOUT_ACTIONS` hold the English, translated (context &quot;ShortcutsDialog&quot;) when the page is built.</extracomment>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Between fields</source>
        <translation>फ़ील्ड के बीच</translation>
    </message>
    <message>
        <source>Next field</source>
        <extracomment>Keys Qt handles without a QAction of ours: (keys, what they do).</extracomment>
        <translation>अगला फ़ील्ड</translation>
    </message>
    <message>
        <source>Previous field</source>
        <translation>पिछला फ़ील्ड</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+अक्षर</translation>
    </message>
    <message>
        <source>Open a menu: its underlined letter</source>
        <translation>मेन्यू खोलें: रेखांकित अक्षर</translation>
    </message>
    <message>
        <source>Next side tab while focus is in it</source>
        <translation>अगला टैब, जब फ़ोकस टैब में हो</translation>
    </message>
    <message>
        <source>Previous/next article in the list</source>
        <translation>सूची में पिछला/अगला लेख</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कुंजीपटल शॉर्टकट</translation>
    </message>
    <message>
        <source>Everything works from the keyboard: these shortcuts, Alt + the underlined letter for menus, Tab to change fields.</source>
        <translation>हर काम कुंजीपटल से: ये शॉर्टकट, मेन्यू के लिए Alt + रेखांकित अक्षर, फ़ील्ड बदलने के लिए Tab।</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>काम</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>कुंजी</translation>
    </message>
</context>
<context>
    <name>Skeleton</name>
    <message>
        <source>Opening…</source>
        <translation>खुल रहा है…</translation>
    </message>
</context>
<context>
    <name>SpellMenu</name>
    <message>
        <source>Add to newsroom dictionary</source>
        <translation>शब्दकोश में जोड़ें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>no suggestions</source>
        <translation>कोई सुझाव नहीं</translation>
    </message>
    <message>
        <source>Could not add the word</source>
        <translation>शब्दकोश में नहीं जुड़ा</translation>
    </message>
    <message>
        <source>Could not ignore the word</source>
        <translation>अनदेखा नहीं हुआ</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>वर्तनी</translation>
    </message>
</context>
<context>
    <name>SpellingDialog</name>
    <message>
        <source>Spelling check complete</source>
        <translation>वर्तनी जांच पूरी हुई — कोई और भूल नहीं</translation>
    </message>
    <message>
        <source>Check spelling</source>
        <translation>वर्तनी जांच</translation>
    </message>
    <message>
        <source>Not in dictionary</source>
        <translation>शब्दकोश में नहीं</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>बदलें</translation>
    </message>
    <message>
        <source>Change all</source>
        <translation>सभी बदलें</translation>
    </message>
    <message>
        <source>Skip/Next</source>
        <translation>अगला</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>Ignore all</source>
        <translation>हमेशा अनदेखा</translation>
    </message>
    <message>
        <source>Add to dictionary</source>
        <translation>शब्दकोश में जोड़ें</translation>
    </message>
    <message>
        <source>Change to</source>
        <translation>इससे बदलें</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>सुझाव</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>मसौदा</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>जमा</translation>
    </message>
    <message>
        <source>In copy edit</source>
        <translation>संपादन में</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>संवाददाता को लौटाया</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>प्रकाशन हेतु भेजा</translation>
    </message>
    <message>
        <source>Spiked</source>
        <translation>रद्द</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with newsroom</source>
        <translation>न्यूज़रूम से सिंक</translation>
    </message>
    <message>
        <source>Newsroom database</source>
        <translation>न्यूज़रूम डेटाबेस</translation>
    </message>
    <message>
        <source>Only list conflicts (keep no copy, change nothing)</source>
        <translation>केवल टकराव दिखाएं (कोई प्रति नहीं, कोई बदलाव नहीं)</translation>
    </message>
    <message>
        <source>Syncing as {name} (login {login})</source>
        <translation>{name} के रूप में सिंक (लॉगिन {login})</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक करें</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Enter the newsroom&apos;s database URL.</source>
        <translation>न्यूज़रूम के डेटाबेस का URL लिखें।</translation>
    </message>
    <message>
        <source>Connecting to the newsroom…</source>
        <translation>न्यूज़रूम से जुड़ रहे हैं…</translation>
    </message>
    <message>
        <source>Stopping after the current story…</source>
        <translation>इस खबर के बाद रुकेंगे…</translation>
    </message>
    <message>
        <source>Pushed {pushed}, pulled {pulled}, conflicts {conflicts}, unchanged {unchanged}, failed {failed}.</source>
        <translation>भेजे {pushed}, मिले {pulled}, टकराव {conflicts}, अपरिवर्तित {unchanged}, विफल {failed}।</translation>
    </message>
    <message>
        <source>The sync stopped: {error}. Sync again to resume.</source>
        <translation>सिंक रुक गया: {error}। आगे बढ़ाने के लिए फिर सिंक करें।</translation>
    </message>
    <message>
        <source>Stopped; sync again to resume.</source>
        <translation>रोका गया; आगे बढ़ाने के लिए फिर सिंक करें।</translation>
    </message>
    <message>
        <source>{fields} changed on both sides</source>
        <translation>{fields} दोनों ओर बदला</translation>
    </message>
    <message>
        <source>your version kept as a copy</source>
        <translation>आपका संस्करण प्रति के रूप में रखा गया</translation>
    </message>
    <message>
        <source>The sync could not start: {error}</source>
        <translation>सिंक शुरू नहीं हो सका: {error}</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>भेजा</translation>
    </message>
    <message>
        <source>received</source>
        <translation>मिला</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>अपरिवर्तित</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>विफल</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>type a tag, press Enter</source>
        <translation>टैग लिखें, Enter दबाएं</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएं</translation>
    </message>
    <message>
        <source>Remove selected tag</source>
        <translation>चुना हुआ टैग हटाएं</translation>
    </message>
</context>
<context>
    <name>TextEdit</name>
    <message>
        <source>image</source>
        <translation>चित्र</translation>
    </message>
    <message>
        <source>no caption</source>
        <translation>कैप्शन नहीं</translation>
    </message>
    <message>
        <source>no credit</source>
        <translation>श्रेय नहीं</translation>
    </message>
</context>
<context>
    <name>TrashNotice</name>
    <message>
        <source>“{headline}” moved to trash</source>
        <extracomment>One string, so the quotes around the headline are checked as a pair.</extracomment>
        <translation>“{headline}” रद्दी में डाला गया</translation>
    </message>
    <message>
        <source>&amp;Undo trash</source>
        <translation>रद्दी से वापस लाएं</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>वापस लाएं</translation>
    </message>
    <message>
        <source>Restore the article</source>
        <translation>लेख को रद्दी से वापस लाएं</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>बिना शीर्षक</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New</source>
        <translation>नया लेख</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>प्रतिलिपि</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>रद्दी में डालें</translation>
    </message>
    <message>
        <source>Move to the trash; Undo brings it back (Ctrl+Shift+Delete; Del in the list)</source>
        <translation>रद्दी में डालें, पूर्ववत से वापस (Ctrl+Shift+Delete; सूची में Del)</translation>
    </message>
    <message>
        <source>Trash, in the list</source>
        <translation>रद्दी में डालें, सूची में</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>खोज पट्टी बंद करें</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>वापस लाएं</translation>
    </message>
    <message>
        <source>&amp;Save now</source>
        <translation>अभी सहेजें</translation>
    </message>
    <message>
        <source>&amp;Font…</source>
        <translation>फ़ॉन्ट…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>कुंजीपटल शॉर्टकट</translation>
    </message>
    <message>
        <source>Article &amp;list panel</source>
        <translation>लेख सूची दिखाएं</translation>
    </message>
    <message>
        <source>&amp;Side panel</source>
        <translation>विवरण पैनल दिखाएं</translation>
    </message>
    <message>
        <source>&amp;Details tab</source>
        <translation>विवरण टैब</translation>
    </message>
    <message>
        <source>&amp;Checks tab</source>
        <translation>जांच टैब</translation>
    </message>
    <message>
        <source>&amp;Images tab</source>
        <translation>चित्र टैब</translation>
    </message>
    <message>
        <source>&amp;House style…</source>
        <translation>हाउस स्टाइल…</translation>
    </message>
    <message>
        <source>&amp;Check spelling…</source>
        <translation>वर्तनी जांचें…</translation>
    </message>
    <message>
        <source>&amp;Run checks</source>
        <translation>जांच चलाएं</translation>
    </message>
    <message>
        <source>&amp;Phonetic Hindi typing</source>
        <translation>अ ध्वन्यात्मक हिंदी</translation>
    </message>
    <message>
        <source>अ→ Phonetic</source>
        <translation>अ→ ध्वन्यात्मक</translation>
    </message>
    <message>
        <source>Type in Roman letters, get Devanagari: bharat → भारत</source>
        <translation>Roman में लिखें, देवनागरी पाएं: bharat → भारत</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>आयात करें…</translation>
    </message>
    <message>
        <source>Import from clip&amp;board</source>
        <translation>क्लिपबोर्ड से आयात</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>संपादन</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>दृश्य</translation>
    </message>
    <message>
        <source>&amp;Checks</source>
        <translation>जांच</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>लेख</translation>
    </message>
</context>
<context>
    <name>WorkflowController</name>
    <message>
        <source>&amp;Workflow</source>
        <extracomment>An article moved to another status (its id); emitted after the window updated. The acting user changed (the new actor).</extracomment>
        <translation>कार्यप्रवाह</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>उपयोगकर्ता बदलें…</translation>
    </message>
    <message>
        <source>no moves for you</source>
        <translation>कोई कदम नहीं</translation>
    </message>
    <message>
        <source>Status not changed</source>
        <translation>स्थिति नहीं बदली</translation>
    </message>
    <message>
        <source>status</source>
        <translation>स्थिति बदली</translation>
    </message>
    <message>
        <source>{name} ({role}) is working now</source>
        <translation>अब {name} ({role}) काम कर रहे हैं</translation>
    </message>
</context>
<context>
    <name>WorkflowStrip</name>
    <message>
        <source>Workflow</source>
        <extracomment>Background of the status chip per status in the light theme (the live colours: ``theme.colours().chip(status.value)``, with ``chip_text``). The move shown as the strip&apos;s button, when the user may make it (first match wins); the others are in the drop-down.</extracomment>
        <translation>कार्यप्रवाह</translation>
    </message>
    <message>
        <source>user</source>
        <extracomment>The drop-down&apos;s action per target status value (what the user may do now).</extracomment>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>acting user</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <source>File → Switch user</source>
        <translation>फ़ाइल → उपयोगकर्ता बदलें</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>स्वामी</translation>
    </message>
    <message>
        <source>read-only for you</source>
        <translation>केवल पढ़ें</translation>
    </message>
    <message>
        <source>no moves for you</source>
        <translation>कोई कदम नहीं</translation>
    </message>
</context>
</TS>
