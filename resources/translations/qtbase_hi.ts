<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Hindi for the Qt strings Sampadak shows (buttons, context menus, scroll bars).
     PySide6 ships no qtbase_hi.qm; this file is our own, loaded after Qt's (if any).
     Translations are Hindi only, in the house style (anusvara: दिखाएं); with
     ui_language "hi-en" editor_app/gui/translations.py shows them as "हिंदी (English)".
     Rebuild: pyside6-lrelease resources/translations/qtbase_hi.ts
     (tests/gui/test_translations.py checks that the .qm is up to date). -->
<TS version="2.1" language="hi_IN">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>सब सहेजें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हां</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>सबके लिए हां</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>सबके लिए नहीं</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें</translation>
    </message>
    <message>
        <source>Don't Save</source>
        <translation>न सहेजें</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>बिना सहेजे बंद करें</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>मूल सेटिंग लौटाएं</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर करें</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>लिंक कॉपी करें</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएं</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएं</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर करें</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएं</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएं</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>सब चुनें</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>एक ऊपर</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>एक नीचे</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>विवरण दिखाएं...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>विवरण छिपाएं...</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>यहां तक खिसकाएं</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>बायां किनारा</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>सबसे ऊपर</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>दायां किनारा</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>सबसे नीचे</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>एक पेज बाएं</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>एक पेज ऊपर</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>एक पेज दाएं</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>एक पेज नीचे</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>बाएं खिसकाएं</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>ऊपर खिसकाएं</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>दाएं खिसकाएं</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>नीचे खिसकाएं</translation>
    </message>
</context>
</TS>
