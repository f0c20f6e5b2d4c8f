<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DiagnosticModel</name>
    <message>
        <location filename="../ui/diagnosticmodel.cpp" line="44"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
</context>
<context>
    <name>FlowDiagramScene</name>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="19"/>
        <source>Inbound processing</source>
        <translation>Eingehende Verarbeitung</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="21"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="23"/>
        <source>Outbound processing</source>
        <translation>Ausgehende Verarbeitung</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="24"/>
        <source>On error</source>
        <translation>Bei Fehler</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/flowdiagramscene.cpp" line="72"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… %n weitere</numerusform>
            <numerusform>… %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="115"/>
        <source>Fragment</source>
        <translation>Fragment</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="118"/>
        <source>Snippet</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="176"/>
        <location filename="../ui/flowdiagramscene.cpp" line="182"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="205"/>
        <source>When a step fails,
processing continues here:</source>
        <translation>Schlägt ein Schritt fehl,
geht es hier weiter:</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="231"/>
        <source>not in this document</source>
        <translation>nicht in diesem Dokument</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="251"/>
        <source>policies of the enclosing scope</source>
        <translation>Richtlinien des umgebenden Bereichs</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="264"/>
        <source>count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="265"/>
        <source>interval: %1 s</source>
        <translation>Intervall: %1 s</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="270"/>
        <source>while: %1</source>
        <translation>solange: %1</translation>
    </message>
</context>
<context>
    <name>FlowDiagramView</name>
    <message>
        <location filename="../ui/flowdiagramview.cpp" line="33"/>
        <source>The XML has errors: the diagram shows the last valid version.</source>
        <translation>Das XML enthält Fehler: Das Diagramm zeigt die letzte gültige Fassung.</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramview.cpp" line="133"/>
        <source>APIM policy flow</source>
        <translation>APIM-Richtlinienablauf</translation>
    </message>
</context>
<context>
    <name>FlowNodeItem</name>
    <message>
        <location filename="../ui/flownodeitem.cpp" line="230"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="33"/>
        <source>Policy XML (*.xml);;All files (*)</source>
        <translation>Richtlinien-XML (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="54"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="77"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="91"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="94"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="98"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="108"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="109"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="113"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="118"/>
        <source>Editor &amp;Font…</source>
        <translation>Editor-&amp;Schrift…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="129"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>&amp;Fit Diagram</source>
        <translation>Diagramm &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="136"/>
        <source>Export Diagram as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="138"/>
        <source>Export Diagram as S&amp;VG…</source>
        <translation>Diagramm als S&amp;VG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <location filename="../ui/mainwindow.cpp" line="196"/>
        <source>Open Policy</source>
        <translation>Richtlinie öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="150"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="164"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>Save Policy</source>
        <translation>Richtlinie speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>Save Policy As</source>
        <translation>Richtlinie speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="216"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="216"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218"/>
        <location filename="../ui/mainwindow.cpp" line="224"/>
        <source>Export Diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="224"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="230"/>
        <source>Editor Font</source>
        <translation>Editor-Schrift</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <source>The policy has been modified. Save the changes?</source>
        <translation>Die Richtlinie wurde geändert. Änderungen speichern?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="269"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="270"/>
        <source>%1[*] — APIM Policy Designer</source>
        <translation>%1[*] — APIM Policy Designer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="311"/>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="312"/>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <source>An untitled policy</source>
        <translation>Eine unbenannte Richtlinie</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes from a session that did not end cleanly. Restore them?</source>
        <translation>%1 hat nicht gespeicherte Änderungen aus einer Sitzung, die nicht ordnungsgemäß beendet wurde. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Restored unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen wiederhergestellt</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program. Reload it and lose your unsaved changes?</source>
        <translation>%1 wurde von einem anderen Programm geändert. Neu laden und die nicht gespeicherten Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>%1 changed on disk and was reloaded.</source>
        <translation>%1 wurde auf dem Datenträger geändert und neu geladen.</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow &amp;System Palette</source>
        <translation>&amp;Systempalette folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="33"/>
        <source>Designs and tests Azure API Management policies.</source>
        <translation>Entwirft und testet Azure-API-Management-Richtlinien.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="36"/>
        <source>Policy XML file to open.</source>
        <translation>Zu öffnende Richtlinien-XML-Datei.</translation>
    </message>
</context>
</TS>
