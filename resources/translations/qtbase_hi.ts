<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Hindi for the Qt strings Sampadak shows (buttons, context menus, scroll bars).
     PySide6 ships no qtbase_hi.qm; this file is our own, loaded after Qt's (if any).
     Rebuild: pyside6-lrelease resources/translations/qtbase_hi.ts
     (tests/gui/test_translations.py checks that the .qm is up to date). -->
<TS version="2.1" language="hi_IN">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है (OK)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें (Save)</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>सब सहेजें (Save all)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें (Open)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हां (&amp;Yes)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>सबके लिए हां (Yes to &amp;all)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं (&amp;No)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>सबके लिए नहीं (N&amp;o to all)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>रोकें (Abort)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें (Retry)</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें (Ignore)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें (Close)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें (Cancel)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें (Discard)</translation>
    </message>
    <message>
        <source>Don't Save</source>
        <translation>न सहेजें (Don't save)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>बिना सहेजे बंद करें (Close without saving)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता (Help)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें (Apply)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें (Reset)</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>मूल सेटिंग लौटाएं (Restore defaults)</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत (&amp;Undo)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर करें (&amp;Redo)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (Cu&amp;t)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;Copy)</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>लिंक कॉपी करें (Copy &amp;link location)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएं (&amp;Paste)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएं (Delete)</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें (Select all)</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत (&amp;Undo)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर करें (&amp;Redo)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (Cu&amp;t)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;Copy)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएं (&amp;Paste)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएं (Delete)</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें (Select all)</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>सब चुनें (&amp;Select all)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>एक ऊपर (&amp;Step up)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>एक नीचे (Step &amp;down)</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>विवरण दिखाएं (Show details)...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>विवरण छिपाएं (Hide details)...</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>यहां तक खिसकाएं (Scroll here)</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>बायां किनारा (Left edge)</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>सबसे ऊपर (Top)</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>दायां किनारा (Right edge)</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>सबसे नीचे (Bottom)</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>एक पेज बाएं (Page left)</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>एक पेज ऊपर (Page up)</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>एक पेज दाएं (Page right)</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>एक पेज नीचे (Page down)</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>बाएं खिसकाएं (Scroll left)</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>ऊपर खिसकाएं (Scroll up)</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>दाएं खिसकाएं (Scroll right)</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>नीचे खिसकाएं (Scroll down)</translation>
    </message>
</context>
</TS>
