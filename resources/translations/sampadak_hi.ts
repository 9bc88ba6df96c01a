<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
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
