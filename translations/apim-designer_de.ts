<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BreakerView</name>
    <message>
        <location filename="../ui/breakerview.cpp" line="36"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="38"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="40"/>
        <source>Half-open</source>
        <translation>Halboffen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="119"/>
        <source>%1: %2, %3 of %4 calls failed in the window</source>
        <translation>%1: %2, %3 von %4 Aufrufen im Zeitfenster fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="125"/>
        <source>, open for %1 s more</source>
        <translation>, noch %1 s offen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="167"/>
        <source>No circuit breakers: give a backend of the workspace a circuit-breaker rule.</source>
        <translation>Keine Trennschalter: Geben Sie einem Backend des Arbeitsbereichs eine Trennschalter-Regel.</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="184"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="184"/>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="197"/>
        <source>ticks: requests it served (red: 5xx or none)</source>
        <translation>Striche: bediente Anfragen (rot: 5xx oder keine Antwort)</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="216"/>
        <source>%1 of %2 calls failed in the window</source>
        <translation>%1 von %2 Aufrufen im Zeitfenster fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="221"/>
        <source> · open %1 s more</source>
        <translation> · noch %1 s offen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="250"/>
        <source>trip</source>
        <translation>auslösen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="254"/>
        <source>after trip</source>
        <translation>nach Auslösung</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="260"/>
        <source>trial fails</source>
        <translation>Probe fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/breakerview.cpp" line="263"/>
        <source>trial ok</source>
        <translation>Probe ok</translation>
    </message>
</context>
<context>
    <name>CacheView</name>
    <message>
        <location filename="../ui/cacheview.cpp" line="18"/>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <location filename="../ui/cacheview.cpp" line="60"/>
        <source>No gateway running</source>
        <translation>Kein Gateway aktiv</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/cacheview.cpp" line="63"/>
        <source>%n cached value(s)</source>
        <translation>
            <numerusform>%n zwischengespeicherter Wert</numerusform>
            <numerusform>%n zwischengespeicherte Werte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosticModel</name>
    <message>
        <location filename="../ui/diagnosticmodel.cpp" line="44"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
</context>
<context>
    <name>DiagramEditController</name>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="229"/>
        <source>The XML has errors: fix them in the editor before editing on the diagram.</source>
        <translation>Das XML enthält Fehler: Beheben Sie sie im Editor, bevor Sie im Diagramm bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="239"/>
        <source>The element is no longer in the text.</source>
        <translation>Das Element ist nicht mehr im Text vorhanden.</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="108"/>
        <location filename="../ui/diagrameditcontroller.cpp" line="126"/>
        <source>Insert %1</source>
        <translation>%1 einfügen</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="144"/>
        <location filename="../ui/diagrameditcontroller.cpp" line="165"/>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="175"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="187"/>
        <source>Edit attribute %1 of %2</source>
        <translation>Attribut %1 von %2 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="197"/>
        <source>Remove attribute %1 of %2</source>
        <translation>Attribut %1 von %2 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="207"/>
        <source>Edit text of %1</source>
        <translation>Text von %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/diagrameditcontroller.cpp" line="220"/>
        <source>Edit %1 values of %2</source>
        <translation>%1-Werte von %2 bearbeiten</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../ui/diffview.cpp" line="140"/>
        <source>Two scopes</source>
        <translation>Zwei Bereiche</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="141"/>
        <source>Workspace against an APIOps folder</source>
        <translation>Arbeitsbereich mit einem APIOps-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="151"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="156"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="187"/>
        <source>Compare With Folder</source>
        <translation>Mit Ordner vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="221"/>
        <source>Workspace (as exported now)</source>
        <translation>Arbeitsbereich (wie jetzt exportiert)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="222"/>
        <source>Folder %1</source>
        <translation>Ordner %1</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="251"/>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/diffview.cpp" line="252"/>
        <source>%n file(s) differ</source>
        <translation>
            <numerusform>%n Datei unterscheidet sich</numerusform>
            <numerusform>%n Dateien unterscheiden sich</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EffectivePolicyView</name>
    <message>
        <location filename="../ui/effectivepolicyview.cpp" line="30"/>
        <source>Select an API or an operation to see its effective policy.</source>
        <translation>Wählen Sie eine API oder einen Vorgang aus, um die effektive Richtlinie zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/effectivepolicyview.cpp" line="38"/>
        <source>&lt;b&gt;Effective policy of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Effektive Richtlinie von %1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../ui/exportdialog.cpp" line="29"/>
        <source>Export despite &amp;errors</source>
        <translation>Trotz &amp;Fehlern exportieren</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="31"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="34"/>
        <source>Export Policies</source>
        <translation>Richtlinien exportieren</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="35"/>
        <source>Policy XML files</source>
        <translation>Richtlinien-XML-Dateien</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="36"/>
        <source>APIOps folder</source>
        <translation>APIOps-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="37"/>
        <source>Bicep</source>
        <translation>Bicep</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="38"/>
        <source>Each scope&apos;s policy</source>
        <translation>Richtlinie jedes Bereichs</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="39"/>
        <source>Effective policy of each operation</source>
        <translation>Effektive Richtlinie jedes Vorgangs</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="41"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="41"/>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="41"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="46"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="51"/>
        <source>&amp;Format:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="52"/>
        <source>&amp;Content:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="53"/>
        <source>Output &amp;folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="60"/>
        <source>Export lint:</source>
        <translation>Exportprüfung:</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="95"/>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="108"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="109"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="110"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="123"/>
        <source>A secret is written into a policy: replace it with its {{named value}} before exporting.</source>
        <translation>Ein Geheimnis steht im Klartext in einer Richtlinie: Ersetzen Sie es vor dem Export durch seinen {{benannten Wert}}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/exportdialog.cpp" line="125"/>
        <source>%n file(s) to write.</source>
        <translation>
            <numerusform>Es wird %n Datei geschrieben.</numerusform>
            <numerusform>Es werden %n Dateien geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/exportdialog.cpp" line="126"/>
        <source>The lint found errors: APIM would reject or misrun this deployment.</source>
        <translation>Die Prüfung hat Fehler gefunden: APIM würde diese Bereitstellung ablehnen oder fehlerhaft ausführen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/exportdialog.cpp" line="154"/>
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlowDiagramScene</name>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="33"/>
        <source>Inbound processing</source>
        <translation>Eingehende Verarbeitung</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="35"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="37"/>
        <source>Outbound processing</source>
        <translation>Ausgehende Verarbeitung</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="38"/>
        <source>On error</source>
        <translation>Bei Fehler</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/flowdiagramscene.cpp" line="86"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… %n weitere</numerusform>
            <numerusform>… %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="264"/>
        <source>Fragment</source>
        <translation>Fragment</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="267"/>
        <source>Snippet</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="330"/>
        <location filename="../ui/flowdiagramscene.cpp" line="335"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="380"/>
        <source>When a step fails,
processing continues here:</source>
        <translation>Schlägt ein Schritt fehl,
geht es hier weiter:</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="421"/>
        <source>not in this document: drop a policy here to add it</source>
        <translation>nicht in diesem Dokument: zum Hinzufügen eine Richtlinie hierher ziehen</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="433"/>
        <source>policies of the enclosing scope</source>
        <translation>Richtlinien des umgebenden Bereichs</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="464"/>
        <source>count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="465"/>
        <source>interval: %1 s</source>
        <translation>Intervall: %1 s</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="470"/>
        <source>while: %1</source>
        <translation>solange: %1</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="538"/>
        <source>double-click to expand</source>
        <translation>Doppelklick zum Aufklappen</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="542"/>
        <source>nothing inherited</source>
        <translation>nichts geerbt</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="543"/>
        <source>double-click to collapse</source>
        <translation>Doppelklick zum Zuklappen</translation>
    </message>
    <message>
        <location filename="../ui/flowdiagramscene.cpp" line="848"/>
        <source>&amp;Delete %1</source>
        <translation>%1 &amp;löschen</translation>
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
        <location filename="../ui/flowdiagramview.cpp" line="135"/>
        <source>APIM policy flow</source>
        <translation>APIM-Richtlinienablauf</translation>
    </message>
</context>
<context>
    <name>FlowNodeItem</name>
    <message>
        <location filename="../ui/flownodeitem.cpp" line="302"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>FlowTraceHighlighter</name>
    <message>
        <location filename="../ui/flowtracehighlighter.cpp" line="123"/>
        <source>1 attempt</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <location filename="../ui/flowtracehighlighter.cpp" line="124"/>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
</context>
<context>
    <name>GatewayPanel</name>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="32"/>
        <source>Mock backends</source>
        <translation>Mock-Backends</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="54"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="55"/>
        <source>Load</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="56"/>
        <source>Record &amp;&amp; compare</source>
        <translation>Aufzeichnen &amp;&amp; vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="57"/>
        <source>Trace</source>
        <translation>Ablaufverfolgung</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="58"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="62"/>
        <source>Circuit breakers</source>
        <translation>Trennschalter</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="63"/>
        <source>Plots</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="116"/>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;Could not start: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Start fehlgeschlagen: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="181"/>
        <source>Stop gateway</source>
        <translation>Gateway stoppen</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="181"/>
        <source>Start gateway</source>
        <translation>Gateway starten</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="182"/>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="183"/>
        <source>&lt;span style=&apos;color:#2e7d32&apos;&gt;● running&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2e7d32&apos;&gt;● läuft&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="184"/>
        <source>○ stopped</source>
        <translation>○ gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="194"/>
        <source>&lt;span style=&apos;color:#b26a00&apos;&gt;● policy edited: applies on the next request&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b26a00&apos;&gt;● Richtlinie bearbeitet: gilt ab der nächsten Anfrage&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/gatewaypanel.cpp" line="198"/>
        <source>&lt;span style=&apos;color:#2e7d32&apos;&gt;✓ edits applied at %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2e7d32&apos;&gt;✓ Änderungen um %1 übernommen&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ui/importdialog.cpp" line="46"/>
        <source>&amp;Policy XML into a scope of this workspace</source>
        <translation>Richtlinien-&amp;XML in einen Bereich dieses Arbeitsbereichs</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="47"/>
        <source>&amp;APIOps folder into a new workspace</source>
        <translation>&amp;APIOps-Ordner in einen neuen Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="55"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="58"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="58"/>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="58"/>
        <source>Not mapped / finding</source>
        <translation>Nicht zugeordnet / Befund</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="63"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="64"/>
        <source>B&amp;rowse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="68"/>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="69"/>
        <source>Into &amp;scope:</source>
        <translation>In &amp;Bereich:</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="70"/>
        <source>New &amp;workspace file:</source>
        <translation>&amp;Neue Arbeitsbereichsdatei:</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="73"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="96"/>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="140"/>
        <source>Import Policy</source>
        <translation>Richtlinie importieren</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="142"/>
        <source>Policy XML (*.xml);;All files (*)</source>
        <translation>Richtlinien-XML (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="144"/>
        <source>Import APIOps Folder</source>
        <translation>APIOps-Ordner importieren</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="152"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="152"/>
        <source>Workspaces (*.apimws)</source>
        <translation>Arbeitsbereiche (*.apimws)</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="170"/>
        <source>Choose the scope to import into.</source>
        <translation>Wählen Sie den Bereich, in den importiert werden soll.</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="177"/>
        <location filename="../ui/importdialog.cpp" line="197"/>
        <source>Not imported.</source>
        <translation>Nicht importiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/importdialog.cpp" line="182"/>
        <source>Imported into %1; %n finding(s) listed above.</source>
        <translation>
            <numerusform>In %1 importiert; %n Befund oben aufgeführt.</numerusform>
            <numerusform>In %1 importiert; %n Befunde oben aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="191"/>
        <source>Choose the workspace file to create.</source>
        <translation>Wählen Sie die zu erstellende Arbeitsbereichsdatei.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/importdialog.cpp" line="206"/>
        <source>Workspace written to %1; %n item(s) not mapped, listed above.</source>
        <translation>
            <numerusform>Arbeitsbereich nach %1 geschrieben; %n Element nicht zugeordnet, oben aufgeführt.</numerusform>
            <numerusform>Arbeitsbereich nach %1 geschrieben; %n Elemente nicht zugeordnet, oben aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="217"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="218"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="219"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <location filename="../ui/liveplots.cpp" line="54"/>
        <source>all requests</source>
        <translation>alle Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/liveplots.cpp" line="55"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../ui/liveplots.cpp" line="56"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location filename="../ui/liveplots.cpp" line="57"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../ui/liveplots.cpp" line="59"/>
        <source>Requests per second, by the backend that served them</source>
        <translation>Anfragen pro Sekunde, nach bedienendem Backend</translation>
    </message>
    <message>
        <location filename="../ui/liveplots.cpp" line="60"/>
        <source>Latency percentiles (ms)</source>
        <translation>Latenz-Perzentile (ms)</translation>
    </message>
    <message>
        <location filename="../ui/liveplots.cpp" line="201"/>
        <source>no backend</source>
        <translation>kein Backend</translation>
    </message>
</context>
<context>
    <name>LoadRunnerWidget</name>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="20"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="21"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="28"/>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="30"/>
        <source>count instead</source>
        <translation>stattdessen Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="31"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="36"/>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="37"/>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="43"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="44"/>
        <source>Or for</source>
        <translation>Oder für</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="45"/>
        <source>Concurrency</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="46"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="103"/>
        <source>no request to send</source>
        <translation>keine Anfrage zum Senden</translation>
    </message>
    <message>
        <location filename="../ui/loadrunnerwidget.cpp" line="143"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;Sent&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Completed&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Failed (5xx or none)&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Throughput&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4/s&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Elapsed&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5 s&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;p50&lt;/td&gt;&lt;td&gt;&lt;b&gt;%6 ms&lt;/b&gt;&lt;/td&gt;&lt;td&gt;p95&lt;/td&gt;&lt;td&gt;&lt;b&gt;%7 ms&lt;/b&gt;&lt;/td&gt;&lt;td&gt;p99&lt;/td&gt;&lt;td&gt;&lt;b&gt;%8 ms&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;Gesendet&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Abgeschlossen&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Fehlgeschlagen (5xx oder keine Antwort)&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Durchsatz&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4/s&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Verstrichen&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5 s&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;p50&lt;/td&gt;&lt;td&gt;&lt;b&gt;%6 ms&lt;/b&gt;&lt;/td&gt;&lt;td&gt;p95&lt;/td&gt;&lt;td&gt;&lt;b&gt;%7 ms&lt;/b&gt;&lt;/td&gt;&lt;td&gt;p99&lt;/td&gt;&lt;td&gt;&lt;b&gt;%8 ms&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="97"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="176"/>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="202"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="203"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="205"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="207"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="216"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="223"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="225"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="229"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="234"/>
        <source>Editor &amp;Font…</source>
        <translation>Editor-&amp;Schrift…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="239"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="240"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="245"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="248"/>
        <source>&amp;Fit Diagram</source>
        <translation>Diagramm &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="252"/>
        <source>Export Diagram as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="254"/>
        <source>Export Diagram as S&amp;VG…</source>
        <translation>Diagramm als S&amp;VG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="273"/>
        <location filename="../ui/mainwindow.cpp" line="389"/>
        <source>Open Policy</source>
        <translation>Richtlinie öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="274"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="291"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="301"/>
        <source>%1 has no API to edit.</source>
        <translation>%1 enthält keine API zum Bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Opened workspace %1</source>
        <translation>Arbeitsbereich %1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="347"/>
        <source>Save Workspace</source>
        <translation>Arbeitsbereich speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="373"/>
        <source>Save Policy</source>
        <translation>Richtlinie speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="374"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="719"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="723"/>
        <source>Effective policy</source>
        <translation>Effektive Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="355"/>
        <location filename="../ui/mainwindow.cpp" line="380"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Policies and workspaces (*.xml *.apimws);;All files (*)</source>
        <translation>Richtlinien und Arbeitsbereiche (*.xml *.apimws);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="402"/>
        <source>Save Policy As</source>
        <translation>Richtlinie speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="409"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="409"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="411"/>
        <location filename="../ui/mainwindow.cpp" line="417"/>
        <source>Export Diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="417"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="423"/>
        <source>Editor Font</source>
        <translation>Editor-Schrift</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="434"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="435"/>
        <source>The policy has been modified. Save the changes?</source>
        <translation>Die Richtlinie wurde geändert. Änderungen speichern?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="465"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="466"/>
        <source>%1[*] — APIM Policy Designer</source>
        <translation>%1[*] — APIM Policy Designer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="517"/>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="518"/>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="519"/>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="572"/>
        <source>Routing Table</source>
        <translation>Routingtabelle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="583"/>
        <location filename="../ui/mainwindow.cpp" line="657"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="629"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="629"/>
        <source>Open a workspace (*.apimws) to export.</source>
        <translation>Öffnen Sie einen Arbeitsbereich (*.apimws), um zu exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="657"/>
        <source>Open a workspace (*.apimws) to compare.</source>
        <translation>Öffnen Sie einen Arbeitsbereich (*.apimws), um zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="672"/>
        <source>An untitled policy</source>
        <translation>Eine unbenannte Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="676"/>
        <source>Recover Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="677"/>
        <source>%1 has unsaved changes from a session that did not end cleanly. Restore them?</source>
        <translation>%1 hat nicht gespeicherte Änderungen aus einer Sitzung, die nicht ordnungsgemäß beendet wurde. Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="687"/>
        <source>Restored unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="696"/>
        <source>File Changed on Disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="697"/>
        <source>%1 was changed by another program. Reload it and lose your unsaved changes?</source>
        <translation>%1 wurde von einem anderen Programm geändert. Neu laden und die nicht gespeicherten Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="712"/>
        <source>%1 changed on disk and was reloaded.</source>
        <translation>%1 wurde auf dem Datenträger geändert und neu geladen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Generate routing policy</source>
        <translation>Routing-Richtlinie erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="685"/>
        <source>Restore unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="741"/>
        <source>&lt;as opened&gt;</source>
        <translation>&lt;wie geöffnet&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="742"/>
        <source>Undo History</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
</context>
<context>
    <name>MockBackendWidget</name>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="33"/>
        <source>status </source>
        <translation>Status </translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="34"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="34"/>
        <location filename="../ui/mockbackendwidget.cpp" line="36"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="35"/>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="35"/>
        <source> calls</source>
        <translation> Aufrufe</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="36"/>
        <source>for </source>
        <translation>für </translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="40"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="42"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="43"/>
        <source>Hang</source>
        <translation>Hängen</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="44"/>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="45"/>
        <source>Reset</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="46"/>
        <source>Flap every Nth</source>
        <translation>Flattern bei jedem N-ten</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="47"/>
        <source>Flap for a while</source>
        <translation>Flattern für eine Weile</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="48"/>
        <source>What this backend does with the calls it gets</source>
        <translation>Was dieses Backend mit eingehenden Aufrufen macht</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="57"/>
        <source>Reset hits</source>
        <translation>Treffer zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mockbackendwidget.cpp" line="171"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mockbackendwidget.cpp" line="173"/>
        <source>&lt;b&gt;%n hit(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n Treffer&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n Treffer&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyPalette</name>
    <message>
        <location filename="../ui/policypalette.cpp" line="19"/>
        <source>Any section</source>
        <translation>Alle Abschnitte</translation>
    </message>
    <message>
        <location filename="../ui/policypalette.cpp" line="20"/>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <location filename="../ui/policypalette.cpp" line="56"/>
        <source>Branches of choose</source>
        <translation>Zweige von choose</translation>
    </message>
</context>
<context>
    <name>PolicyPropertyPanel</name>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="79"/>
        <source>No policy selected</source>
        <translation>Keine Richtlinie ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="80"/>
        <source>Select a policy in the diagram to edit its attributes.</source>
        <translation>Wählen Sie eine Richtlinie im Diagramm aus, um ihre Attribute zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="87"/>
        <source>Not described by the APIM schema.</source>
        <translation>Nicht im APIM-Schema beschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="324"/>
        <source>Back to the policy selected in the diagram</source>
        <translation>Zurück zur im Diagramm ausgewählten Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="352"/>
        <source>Click to edit %1 here</source>
        <translation>Klicken, um %1 hier zu bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="364"/>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="380"/>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="137"/>
        <source>Holds markup: edit its content in the editor.</source>
        <translation>Enthält Markup: den Inhalt im Editor bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="139"/>
        <location filename="../ui/policypropertypanel.cpp" line="143"/>
        <location filename="../ui/policypropertypanel.cpp" line="145"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="176"/>
        <source>Apply content</source>
        <translation>Inhalt übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="221"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="223"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/policypropertypanel.cpp" line="185"/>
        <source>Writes the content into the policy (Ctrl+Return)</source>
        <translation>Schreibt den Inhalt in die Richtlinie (Strg+Eingabe)</translation>
    </message>
</context>
<context>
    <name>RequestComposer</name>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="44"/>
        <source>Header: value (one per line)</source>
        <translation>Header: Wert (einer pro Zeile)</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="45"/>
        <source>Request body</source>
        <translation>Anfragetext</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="46"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="47"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="82"/>
        <source>The answer of the selected request</source>
        <translation>Die Antwort auf die ausgewählte Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="99"/>
        <source>Sent requests</source>
        <translation>Gesendete Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="139"/>
        <source>Start the gateway to send requests.</source>
        <translation>Starten Sie das Gateway, um Anfragen zu senden.</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="194"/>
        <source>header line %1 is not &quot;Name: value&quot;</source>
        <translation>Header-Zeile %1 hat nicht die Form „Name: Wert“</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="202"/>
        <source>no method</source>
        <translation>keine Methode</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="204"/>
        <source>no front-end to send to: start the gateway, or give a full URL</source>
        <translation>kein Frontend als Ziel: Starten Sie das Gateway oder geben Sie eine vollständige URL an</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="270"/>
        <source>%1 from %2 in %3 ms

</source>
        <translation>%1 von %2 in %3 ms

</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="272"/>
        <source>the gateway</source>
        <translation>dem Gateway</translation>
    </message>
    <message>
        <location filename="../ui/requestcomposer.cpp" line="278"/>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
</context>
<context>
    <name>RoutingTableEditor</name>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="23"/>
        <source>&amp;Generate Policy</source>
        <translation>Richtlinie &amp;generieren</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="29"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="30"/>
        <source>How long a failed backend is remembered as down (cache duration)</source>
        <translation>Wie lange ein ausgefallenes Backend als nicht verfügbar gilt (Cache-Dauer)</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="35"/>
        <source>Outage memory:</source>
        <translation>Ausfallgedächtnis:</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="56"/>
        <source>Add Region</source>
        <translation>Region hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="57"/>
        <location filename="../ui/routingtableeditor.cpp" line="91"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="61"/>
        <source>Regions:</source>
        <translation>Regionen:</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="70"/>
        <source>Region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="86"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="86"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="90"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="92"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="93"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="99"/>
        <source>Backends, nearest first:</source>
        <translation>Backends, nächstgelegenes zuerst:</translation>
    </message>
    <message>
        <location filename="../ui/routingtableeditor.cpp" line="282"/>
        <source>Cannot generate:</source>
        <translation>Generieren nicht möglich:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/routingtableeditor.cpp" line="286"/>
        <source>Generated for %n region(s).</source>
        <translation>
            <numerusform>Für %n Region generiert.</numerusform>
            <numerusform>Für %n Regionen generiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCompareView</name>
    <message>
        <location filename="../ui/runcompareview.cpp" line="54"/>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="55"/>
        <source>Replay</source>
        <translation>Wiedergeben</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="77"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="78"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="185"/>
        <source>request %1 came in on region &quot;%2&quot;, which the running gateway does not have</source>
        <translation>Anfrage %1 ging in Region „%2“ ein, die das laufende Gateway nicht hat</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="200"/>
        <source>nothing recorded to replay</source>
        <translation>keine Aufzeichnung zum Wiedergeben</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="210"/>
        <source>start the gateway to replay</source>
        <translation>Starten Sie das Gateway, um wiederzugeben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runcompareview.cpp" line="279"/>
        <source>Recording: %n request(s)</source>
        <translation>
            <numerusform>Aufzeichnung: %n Anfrage</numerusform>
            <numerusform>Aufzeichnung: %n Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runcompareview.cpp" line="280"/>
        <source>%n recorded request(s)</source>
        <translation>
            <numerusform>%n aufgezeichnete Anfrage</numerusform>
            <numerusform>%n aufgezeichnete Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="282"/>
        <source>, %1 replayed, %2 differ</source>
        <translation>, %1 wiedergegeben, %2 abweichend</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="290"/>
        <source>Save the recorded run</source>
        <translation>Aufgezeichneten Lauf speichern</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="290"/>
        <source>Trace lines (*.jsonl)</source>
        <translation>Ablaufverfolgung als JSON-Zeilen (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="299"/>
        <source>Open a recorded run</source>
        <translation>Aufgezeichneten Lauf öffnen</translation>
    </message>
    <message>
        <location filename="../ui/runcompareview.cpp" line="299"/>
        <source>Trace lines (*.jsonl);;All files (*)</source>
        <translation>Ablaufverfolgung als JSON-Zeilen (*.jsonl);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ScopePalette</name>
    <message>
        <location filename="../ui/scopepalette.cpp" line="39"/>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <location filename="../ui/scopepalette.cpp" line="41"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../ui/scopepalette.cpp" line="43"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../ui/scopepalette.cpp" line="45"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location filename="../ui/scopepalette.cpp" line="47"/>
        <source>Fragment</source>
        <translation>Fragment</translation>
    </message>
    <message>
        <location filename="../ui/scopepalette.cpp" line="57"/>
        <source>Fragment: %1</source>
        <translation>Fragment: %1</translation>
    </message>
    <message>
        <location filename="../ui/scopepalette.cpp" line="58"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TextUndoStack</name>
    <message>
        <location filename="../ui/textundostack.cpp" line="90"/>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <location filename="../ui/thememenu.cpp" line="13"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/thememenu.cpp" line="18"/>
        <source>Follow &amp;System Palette</source>
        <translation>&amp;Systempalette folgen</translation>
    </message>
    <message>
        <location filename="../ui/thememenu.cpp" line="22"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/thememenu.cpp" line="24"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <location filename="../ui/traceview.cpp" line="41"/>
        <source>Follow newest</source>
        <translation>Neuesten folgen</translation>
    </message>
    <message>
        <location filename="../ui/traceview.cpp" line="69"/>
        <source>Requests served</source>
        <translation>Bediente Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/traceview.cpp" line="161"/>
        <source>Select a request to see its steps.</source>
        <translation>Wählen Sie eine Anfrage aus, um ihre Schritte zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traceview.cpp" line="165"/>
        <source>&lt;b&gt;%1 %2&lt;/b&gt; (%3) → &lt;b&gt;%4&lt;/b&gt; from %5 after %n attempt(s) in %6 ms</source>
        <translation>
            <numerusform>&lt;b&gt;%1 %2&lt;/b&gt; (%3) → &lt;b&gt;%4&lt;/b&gt; von %5 nach %n Versuch in %6 ms</numerusform>
            <numerusform>&lt;b&gt;%1 %2&lt;/b&gt; (%3) → &lt;b&gt;%4&lt;/b&gt; von %5 nach %n Versuchen in %6 ms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traceview.cpp" line="172"/>
        <source>no backend</source>
        <translation>kein Backend</translation>
    </message>
    <message>
        <location filename="../ui/traceview.cpp" line="175"/>
        <source> — &lt;span style=&apos;color:#c62828&apos;&gt;%1&lt;/span&gt;</source>
        <translation> — &lt;span style=&apos;color:#c62828&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>WorkspaceNavigator</name>
    <message>
        <location filename="../ui/workspacenavigator.cpp" line="88"/>
        <source>Open a workspace to see effective policies.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um effektive Richtlinien zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/workspacenavigator.cpp" line="218"/>
        <source>An effective policy is computed for an API or an operation: select one.</source>
        <translation>Effektive Richtlinien werden für APIs und Vorgänge berechnet: Wählen Sie eine API oder einen Vorgang aus.</translation>
    </message>
    <message>
        <location filename="../ui/workspacenavigator.cpp" line="124"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="68"/>
        <source>Designs and tests Azure API Management policies.</source>
        <translation>Entwirft und testet Azure-API-Management-Richtlinien.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="71"/>
        <source>Policy XML file to open.</source>
        <translation>Zu öffnende Richtlinien-XML-Datei.</translation>
    </message>
</context>
</TS>
