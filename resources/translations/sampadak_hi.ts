<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
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
        <extracomment>How often &quot;2 मिनट पहले&quot; is re-worded while shown. The banner&apos;s colour (a notice, not an error).</extracomment>
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
</TS>
