<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Demand Desk</source>
        <translation>Über Demand Desk</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b style=&apos;font-size:14pt&apos;&gt;Demand Desk {version}&lt;/b&gt;&lt;br&gt;Review government demands for customer data, offline.&lt;/p&gt;&lt;p&gt;Policy pack &lt;b&gt;{policy}&lt;/b&gt;, made {date}&lt;br&gt;Data directory: &lt;code&gt;{folder}&lt;/code&gt;&lt;br&gt;OS keyring: {keyring}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b style=&apos;font-size:14pt&apos;&gt;Demand Desk {version}&lt;/b&gt;&lt;br&gt;Behördliche Auskunftsersuchen zu Kundendaten prüfen, offline.&lt;/p&gt;&lt;p&gt;Regelwerk &lt;b&gt;{policy}&lt;/b&gt;, erstellt am {date}&lt;br&gt;Datenverzeichnis: &lt;code&gt;{folder}&lt;/code&gt;&lt;br&gt;Schlüsselbund des Betriebssystems: {keyring}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b style=&apos;font-size:14pt&apos;&gt;Demand Desk {version}&lt;/b&gt;&lt;br&gt;Review government demands for customer data, offline.&lt;/p&gt;&lt;p&gt;Policy pack &lt;b&gt;{policy}&lt;/b&gt;&lt;br&gt;Data directory: &lt;code&gt;{folder}&lt;/code&gt;&lt;br&gt;OS keyring: {keyring}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b style=&apos;font-size:14pt&apos;&gt;Demand Desk {version}&lt;/b&gt;&lt;br&gt;Behördliche Auskunftsersuchen zu Kundendaten prüfen, offline.&lt;/p&gt;&lt;p&gt;Regelwerk &lt;b&gt;{policy}&lt;/b&gt;&lt;br&gt;Datenverzeichnis: &lt;code&gt;{folder}&lt;/code&gt;&lt;br&gt;Schlüsselbund des Betriebssystems: {keyring}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Shipped with, under these licences:</source>
        <translation>Ausgeliefert mit, unter diesen Lizenzen:</translation>
    </message>
    <message>
        <source>Licences of the shipped fonts and libraries</source>
        <translation>Lizenzen der mitgelieferten Schriften und Bibliotheken</translation>
    </message>
</context>
<context>
    <name>ActionsMixin</name>
    <message>
        <source>&amp;Open demand…</source>
        <translation>Ersuchen ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Store a demand PDF as a new case</source>
        <translation>Ein Ersuchen als PDF in einem neuen Fall speichern</translation>
    </message>
    <message>
        <source>New &amp;disclosure…</source>
        <translation>Neue &amp;Herausgabe…</translation>
    </message>
    <message>
        <source>Record data disclosed without legal process (an NCMEC report, an emergency, …)</source>
        <translation>Ohne förmliches Ersuchen herausgegebene Daten erfassen (eine NCMEC-Meldung, ein Notfall, …)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Hide all case data and close the store</source>
        <translation>Alle Falldaten verbergen und den Speicher schließen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the letter selected on the Letters tab, else the open case&apos;s summary (audited)</source>
        <translation>Das auf dem Reiter Schreiben gewählte Schreiben drucken, sonst die Zusammenfassung des offenen Falls (protokolliert)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <source>See the pages of the letter selected on the Letters tab, else of the case summary</source>
        <translation>Die Seiten des auf dem Reiter Schreiben gewählten Schreibens ansehen, sonst die der Fallzusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>Im Dokument &amp;suchen…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Find &amp;case…</source>
        <translation>&amp;Fall suchen…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>What needs you today: deadlines, notices, secrecy orders, approvals</source>
        <translation>Was heute ansteht: Fristen, Benachrichtigungen, Geheimhaltungsanordnungen, Genehmigungen</translation>
    </message>
    <message>
        <source>Transparency &amp;report…</source>
        <translation>Transparenz&amp;bericht…</translation>
    </message>
    <message>
        <source>The six-monthly figures: tables, charts, the cases behind each figure, export</source>
        <translation>Die Halbjahreszahlen: Tabellen, Diagramme, die Fälle hinter jeder Zahl, Export</translation>
    </message>
    <message>
        <source>Show OCR te&amp;xt layer</source>
        <translation>OCR-&amp;Textebene anzeigen</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Breite an&amp;passen</translation>
    </message>
    <message>
        <source>Rotate ri&amp;ght</source>
        <translation>Nach &amp;rechts drehen</translation>
    </message>
    <message>
        <source>&amp;{number} {tab} tab</source>
        <translation>&amp;{number} Reiter {tab}</translation>
    </message>
    <message>
        <source>S&amp;ecrecy order review cycle…</source>
        <translation>Prüf&amp;zyklus für Geheimhaltungsanordnungen…</translation>
    </message>
    <message>
        <source>La&amp;nguage…</source>
        <translation>&amp;Sprache…</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Rotate &amp;left</source>
        <translation>Nach &amp;links drehen</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>Prüfpfad &amp;verifizieren</translation>
    </message>
    <message>
        <source>&amp;Auto-lock after…</source>
        <translation>&amp;Automatisch sperren nach…</translation>
    </message>
    <message>
        <source>How often an open-ended secrecy order comes back so that a challenge is considered</source>
        <translation>Wie oft eine unbefristete Geheimhaltungsanordnung erneut vorgelegt wird, um eine Anfechtung zu prüfen</translation>
    </message>
    <message>
        <source>&amp;Reviewers…</source>
        <translation>P&amp;rüfer…</translation>
    </message>
    <message>
        <source>&amp;Sign in as another reviewer…</source>
        <translation>Als anderer Prüfer an&amp;melden…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Passphrase ändern…</translation>
    </message>
    <message>
        <source>&amp;Organisation…</source>
        <translation>&amp;Organisation…</translation>
    </message>
    <message>
        <source>Your organisation: its legal entities, address, contact and signature block</source>
        <translation>Ihre Organisation: ihre Gesellschaften, Anschrift, Kontakt und Unterschriftsblock</translation>
    </message>
    <message>
        <source>&amp;Letterhead…</source>
        <translation>&amp;Briefkopf…</translation>
    </message>
    <message>
        <source>Organisation, address and signature of every letter</source>
        <translation>Organisation, Anschrift und Unterschrift jedes Schreibens</translation>
    </message>
    <message>
        <source>&amp;Cost recovery…</source>
        <translation>&amp;Kostenerstattung…</translation>
    </message>
    <message>
        <source>The open case&apos;s costs: hours, seek or waive, payment</source>
        <translation>Die Kosten des offenen Falls: Stunden, Erstattung verlangen oder verzichten, Zahlung</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>A reviewer&apos;s day, step by step</source>
        <translation>Der Arbeitstag eines Prüfers, Schritt für Schritt</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every shortcut of the window</source>
        <translation>Jedes Tastenkürzel des Fensters</translation>
    </message>
    <message>
        <source>English, German or the desktop&apos;s language</source>
        <translation>Englisch, Deutsch oder die Sprache des Desktops</translation>
    </message>
    <message>
        <source>&amp;About Demand Desk</source>
        <translation>Über &amp;Demand Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Workstation: {name}</source>
        <translation>Arbeitsplatz: {name}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>AdministratorBox</name>
    <message>
        <source>Authorised by an administrator</source>
        <translation>Von einem Administrator freigegeben</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>administrator&apos;s PIN</source>
        <translation>PIN des Administrators</translation>
    </message>
    <message>
        <source>Administrator&apos;s PIN</source>
        <translation>PIN des Administrators</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit a workstation</source>
        <translation>Einen Arbeitsplatz aufnehmen</translation>
    </message>
    <message>
        <source>A workstation asks to join with its first sync. Before admitting it, ask its user to read out the fingerprint it shows (Sync ▸ Team key…, or `team show`) by phone or in person, and compare it with the one below: someone holding only the team key could ask under the same name.</source>
        <translation>Ein Arbeitsplatz bittet mit seiner ersten Synchronisierung um Aufnahme. Bevor Sie ihn aufnehmen, lassen Sie sich von seinem Benutzer den dort angezeigten Fingerabdruck (Synchronisieren ▸ Teamschlüssel… oder `team show`) am Telefon oder persönlich vorlesen und vergleichen Sie ihn mit dem unten stehenden: Wer nur den Teamschlüssel besitzt, könnte unter demselben Namen anfragen.</translation>
    </message>
    <message>
        <source>Workstations asking to join</source>
        <translation>Arbeitsplätze, die um Aufnahme bitten</translation>
    </message>
    <message>
        <source>{workstation} — first asked {when}</source>
        <translation>{workstation} — erste Anfrage {when}</translation>
    </message>
    <message>
        <source>fingerprint  {fingerprint}</source>
        <translation>Fingerabdruck  {fingerprint}</translation>
    </message>
    <message>
        <source>CLASHES with the key already admitted under this name: do not admit</source>
        <translation>WIDERSPRICHT dem unter diesem Namen bereits aufgenommenen Schlüssel: nicht aufnehmen</translation>
    </message>
    <message>
        <source>&amp;Admit</source>
        <translation>&amp;Aufnehmen</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve decision</source>
        <translation>Entscheidung genehmigen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Revision {revision}</source>
        <translation>Fassung {revision}</translation>
    </message>
    <message>
        <source>Decision: {get} (by {decided_by})
Recommended: {get2}</source>
        <translation>Entscheidung: {get} (von {decided_by})
Empfohlen: {get2}</translation>
    </message>
    <message>
        <source>What leaves:
</source>
        <translation>Was herausgegeben wird:
</translation>
    </message>
    <message>
        <source>Still unknown ({len}):
</source>
        <translation>Noch offen ({len}):
</translation>
    </message>
    <message>
        <source>No checklist item is still unknown.</source>
        <translation>Kein Punkt der Prüfliste ist mehr offen.</translation>
    </message>
    <message>
        <source>Overridden by {decided_by} ({rules}): {get}</source>
        <translation>Übergangen von {decided_by} ({rules}): {get}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>{reviewer}
on {workstation}</source>
        <translation>{reviewer}
({workstation})</translation>
    </message>
    <message>
        <source>{reviewer}, at workstation {workstation}</source>
        <translation>{reviewer}, am Arbeitsplatz {workstation}</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Audit trail</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>Audit trail of this case</source>
        <translation>Prüfpfad dieses Falls</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Show the selected event&apos;s details</source>
        <translation>Die Einzelheiten des gewählten Ereignisses zeigen</translation>
    </message>
    <message>
        <source>Audit event details</source>
        <translation>Einzelheiten des Protokollereignisses</translation>
    </message>
    <message>
        <source>Every change is recorded here and chained by hash; Tools ▸ Verify audit trail checks it.</source>
        <translation>Jede Änderung wird hier erfasst und per Hash verkettet; Extras ▸ Prüfpfad verifizieren prüft sie.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#5f6368&apos;&gt;Select an event to see its details.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5f6368&apos;&gt;Wählen Sie ein Ereignis, um seine Einzelheiten zu sehen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>+ {hidden} more in the table</source>
        <extracomment>the FigureKey of the bar clicked</extracomment>
        <translation>+ {hidden} weitere in der Tabelle</translation>
    </message>
    <message>
        <source>{label}: {value:,} — click to list the cases</source>
        <translation>{label}: {value:,} — klicken, um die Fälle aufzulisten</translation>
    </message>
</context>
<context>
    <name>BundleFiles</name>
    <message>
        <source>Demand Desk case bundles (*.ddb)</source>
        <translation>Demand-Desk-Fallpakete (*.ddb)</translation>
    </message>
    <message>
        <source>Open a case to export it.</source>
        <translation>Öffnen Sie einen Fall, um ihn zu exportieren.</translation>
    </message>
    <message>
        <source>Export the case bundle to</source>
        <translation>Fallpaket exportieren nach</translation>
    </message>
    <message>
        <source>Exported the case to {folder}.</source>
        <translation>Der Fall wurde nach {folder} exportiert.</translation>
    </message>
    <message>
        <source>Case not exported</source>
        <translation>Fall nicht exportiert</translation>
    </message>
    <message>
        <source>Nothing was written.

{reason}</source>
        <translation>Es wurde nichts geschrieben.

{reason}</translation>
    </message>
    <message>
        <source>Import a case bundle</source>
        <translation>Ein Fallpaket importieren</translation>
    </message>
    <message>
        <source>Imported {file}: a new case.</source>
        <translation>{file} importiert: ein neuer Fall.</translation>
    </message>
    <message>
        <source>Imported {file}: a newer version of the case.</source>
        <translation>{file} importiert: eine neuere Fassung des Falls.</translation>
    </message>
    <message>
        <source>Imported {file}: it conflicts with this workstation&apos;s changes.</source>
        <translation>{file} importiert: es steht im Konflikt mit den Änderungen dieses Arbeitsplatzes.</translation>
    </message>
    <message>
        <source>{file} is already here; nothing changed.</source>
        <translation>{file} ist bereits vorhanden; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Bundle refused</source>
        <translation>Paket abgelehnt</translation>
    </message>
    <message>
        <source>{file} was not imported; nothing changed.

It was refused: {reason}.</source>
        <translation>{file} wurde nicht importiert; nichts wurde geändert.

Es wurde abgelehnt: {reason}.</translation>
    </message>
</context>
<context>
    <name>CaseFactsForm</name>
    <message>
        <source>Case facts a scan cannot tell</source>
        <extracomment>{key: value} the reviewer changed and asked to save, and the reason given.</extracomment>
        <translation>Fallangaben, die ein Scan nicht zeigt</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>how you know (kept in the audit trail)</source>
        <translation>woher Sie es wissen (im Prüfpfad festgehalten)</translation>
    </message>
    <message>
        <source>Reason for the case facts</source>
        <translation>Begründung für die Fallangaben</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Save case facts</source>
        <translation>Fallangaben speichern</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
</context>
<context>
    <name>CaseMixin</name>
    <message>
        <source>This document cannot be shown.</source>
        <translation>Dieses Dokument kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Today&apos;s list is not available: {error}</source>
        <translation>Die Liste für heute ist nicht verfügbar: {error}</translation>
    </message>
</context>
<context>
    <name>CaseQueueModel</name>
    <message>
        <source>Reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Rechtsinstrument</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>{status} · conflict</source>
        <translation>{status} · Konflikt</translation>
    </message>
    <message>
        <source>Changed here and on another workstation: settle it with Sync ▸ Settle sync conflict…</source>
        <translation>Hier und an einem anderen Arbeitsplatz geändert: mit Synchronisieren ▸ Synchronisationskonflikt lösen… klären</translation>
    </message>
    <message>
        <source>paused: waiting for the requester (the date moves while the clock is stopped)</source>
        <translation>angehalten: wartet auf die ersuchende Stelle (das Datum verschiebt sich, solange die Frist ruht)</translation>
    </message>
    <message>
        <source>overdue by 1 day</source>
        <translation>seit 1 Tag überfällig</translation>
    </message>
    <message>
        <source>overdue by {days} days</source>
        <translation>seit {days} Tagen überfällig</translation>
    </message>
    <message>
        <source>due in 1 day</source>
        <translation>fällig in 1 Tag</translation>
    </message>
    <message>
        <source>due in {days} days</source>
        <translation>fällig in {days} Tagen</translation>
    </message>
    <message>
        <source>Emergency request — {due}</source>
        <translation>Notfallersuchen — {due}</translation>
    </message>
</context>
<context>
    <name>ChallengeDialog</name>
    <message>
        <source>Secrecy order challenged</source>
        <translation>Geheimhaltungsanordnung angefochten</translation>
    </message>
    <message>
        <source>Challenged on</source>
        <translation>Angefochten am</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>leave empty while the challenge is pending</source>
        <translation>leer lassen, solange die Anfechtung anhängig ist</translation>
    </message>
    <message>
        <source>The court set the order aside on this date</source>
        <translation>Das Gericht hat die Anordnung an diesem Tag aufgehoben</translation>
    </message>
    <message>
        <source>The order ends that day, and notice may go</source>
        <translation>Die Anordnung endet an diesem Tag, und die Benachrichtigung darf erfolgen</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change workstation passphrase</source>
        <translation>Passphrase des Arbeitsplatzes ändern</translation>
    </message>
    <message>
        <source>current passphrase</source>
        <translation>aktuelle Passphrase</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>again</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New again</source>
        <translation>Wieder neu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>The new passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.</source>
        <translation>Die neue Passphrase braucht mindestens {MIN_PASSPHRASE_LENGTH} Zeichen.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Die beiden neuen Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Answered by a reviewer</source>
        <translation>Von einem Prüfer beantwortet</translation>
    </message>
    <message>
        <source>Answered automatically from the facts</source>
        <translation>Automatisch aus den Angaben beantwortet</translation>
    </message>
    <message>
        <source>
The checklist could not answer this: it needs you.</source>
        <translation>
Die Prüfliste konnte dies nicht beantworten: es braucht Sie.</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Punkt</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} Punkte</translation>
    </message>
    <message>
        <source>{failed} failed</source>
        <translation>{failed} nicht erfüllt</translation>
    </message>
    <message>
        <source>1 needs you</source>
        <translation>1 braucht Sie</translation>
    </message>
    <message>
        <source>{open_items} need you</source>
        <translation>{open_items} brauchen Sie</translation>
    </message>
    <message>
        <source>{group} ({counts})</source>
        <translation>{group} ({counts})</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>J / K next / previous item · C confirm · O override · R reset</source>
        <extracomment>(page 0-based, list of boxes in PDF points) the reviewer selected evidence read from that page. an answer or a case fact was stored; the case&apos;s other views should be refreshed.</extracomment>
        <translation>J / K nächster / vorheriger Punkt · C bestätigen · O abweichen · R zurücksetzen</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Abweichen…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Confirm the checklist&apos;s answer as yours (C)</source>
        <translation>Die Antwort der Prüfliste als Ihre bestätigen (C)</translation>
    </message>
    <message>
        <source>Give another answer, with a reason (O)</source>
        <translation>Eine andere Antwort geben, mit Begründung (O)</translation>
    </message>
    <message>
        <source>Give the item back to the checklist&apos;s own answer (R)</source>
        <translation>Den Punkt auf die Antwort der Prüfliste zurücksetzen (R)</translation>
    </message>
    <message>
        <source>Item details</source>
        <translation>Einzelheiten zum Punkt</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Evidence — click a row to see it on the page</source>
        <translation>Belege — klicken Sie auf eine Zeile, um sie auf der Seite zu sehen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Case facts</source>
        <translation>Fallangaben</translation>
    </message>
    <message>
        <source>Next checklist item</source>
        <translation>Nächster Punkt der Prüfliste</translation>
    </message>
    <message>
        <source>Previous checklist item</source>
        <translation>Vorheriger Punkt der Prüfliste</translation>
    </message>
    <message>
        <source>Confirm answer</source>
        <translation>Antwort bestätigen</translation>
    </message>
    <message>
        <source>Override answer…</source>
        <translation>Antwort abweichend setzen…</translation>
    </message>
    <message>
        <source>Reset answer to automatic</source>
        <translation>Antwort auf automatisch zurücksetzen</translation>
    </message>
    <message>
        <source>{items} items · {failed} failed · {unknown} need you · {by_reviewer} answered by a reviewer · policy {policy_version}</source>
        <translation>{items} Punkte · {failed} nicht erfüllt · {unknown} brauchen Sie · {by_reviewer} von einem Prüfer beantwortet · Regelwerk {policy_version}</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Kein Fall ist geöffnet.</translation>
    </message>
    <message>
        <source>Case facts ({known} known)</source>
        <translation>Fallangaben ({known} bekannt)</translation>
    </message>
    <message>
        <source>Case fact not saved</source>
        <translation>Fallangabe nicht gespeichert</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>Antwort nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Sync conflict — {reference}</source>
        <translation>Synchronisationskonflikt — {reference}</translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt; was changed on this workstation and on &lt;b&gt;{workstation}&lt;/b&gt; since the same version. Keep one side: its facts, answers, decision and letters are taken whole. The audit events of both sides are kept either way.</source>
        <translation>Der Fall &lt;b&gt;{reference}&lt;/b&gt; wurde seit derselben Fassung an diesem Arbeitsplatz und an &lt;b&gt;{workstation}&lt;/b&gt; geändert. Behalten Sie eine Seite: Ihre Angaben, Antworten, Entscheidung und Schreiben werden vollständig übernommen. Die Protokollereignisse beider Seiten bleiben in jedem Fall erhalten.</translation>
    </message>
    <message>
        <source>another workstation</source>
        <translation>einem anderen Arbeitsplatz</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Dieser Arbeitsplatz</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Die andere Seite</translation>
    </message>
    <message>
        <source>Show &amp;every field (who recorded what, when, how sure OCR was)</source>
        <translation>&amp;Jedes Feld zeigen (wer was wann erfasst hat, wie sicher die OCR war)</translation>
    </message>
    <message>
        <source>1 field differs.</source>
        <translation>1 Feld unterscheidet sich.</translation>
    </message>
    <message>
        <source>{count} fields differ.</source>
        <translation>{count} Felder unterscheiden sich.</translation>
    </message>
    <message>
        <source>The case&apos;s data is the same on both sides; only the audit events differ.</source>
        <translation>Die Daten des Falls sind auf beiden Seiten gleich; nur die Protokollereignisse unterscheiden sich.</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine Seite behalten</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>&amp;Andere Seite behalten</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>&amp;Später entscheiden</translation>
    </message>
    <message>
        <source>Keep theirs for {reference}?

This workstation&apos;s facts, decision and letters for this case are set aside (both sides&apos; audit events stay). The other workstation gets the result at its next sync.</source>
        <translation>Für {reference} die andere Seite behalten?

Die Angaben, die Entscheidung und die Schreiben dieses Arbeitsplatzes zu diesem Fall werden beiseitegelegt (die Protokollereignisse beider Seiten bleiben). Der andere Arbeitsplatz erhält das Ergebnis bei seiner nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Keep mine for {reference}?

{workstation}&apos;s facts, decision and letters for this case are set aside (both sides&apos; audit events stay). The other workstation gets the result at its next sync.</source>
        <translation>Für {reference} meine Seite behalten?

Die Angaben, die Entscheidung und die Schreiben von {workstation} zu diesem Fall werden beiseitegelegt (die Protokollereignisse beider Seiten bleiben). Der andere Arbeitsplatz erhält das Ergebnis bei seiner nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Settle the conflict</source>
        <translation>Den Konflikt lösen</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Add a target</source>
        <translation>Betroffene Kennung hinzufügen</translation>
    </message>
    <message>
        <source>Add data asked for</source>
        <translation>Angeforderte Daten hinzufügen</translation>
    </message>
    <message>
        <source>Kind of target</source>
        <translation>Art der Kennung</translation>
    </message>
    <message>
        <source>as the served original writes it</source>
        <translation>wie es im zugestellten Original steht</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Betroffene Kennung</translation>
    </message>
    <message>
        <source>Data asked for</source>
        <translation>Angeforderte Daten</translation>
    </message>
    <message>
        <source>what the served original shows, and where</source>
        <translation>was das zugestellte Original zeigt, und wo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>{removing} will no longer count as part of the demand.</source>
        <translation>{removing} zählt nicht mehr zum Ersuchen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <source>Cost recovery · {reference}</source>
        <translation>Kostenerstattung · {reference}</translation>
    </message>
    <message>
        <source>Record hours</source>
        <translation>Stunden erfassen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Entscheiden</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Hours by task</source>
        <translation>Stunden nach Tätigkeit</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>{label} ({money} an hour)</source>
        <translation>{label} ({money} pro Stunde)</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>z. B. 1,5</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Add hours</source>
        <translation>Stunden hinzufügen</translation>
    </message>
    <message>
        <source>why it is sought, waived or written off</source>
        <translation>warum sie verlangt, erlassen oder abgeschrieben wird</translation>
    </message>
    <message>
        <source>Seek reimbursement</source>
        <translation>Erstattung verlangen</translation>
    </message>
    <message>
        <source>Waive</source>
        <translation>Verzichten</translation>
    </message>
    <message>
        <source>Child-exploitation investigation</source>
        <translation>Ermittlung wegen Kindesmissbrauchs</translation>
    </message>
    <message>
        <source>Mark the case as a known child-exploitation investigation: never charged</source>
        <translation>Den Fall als bekannte Ermittlung wegen Kindesmissbrauchs markieren: nie berechnet</translation>
    </message>
    <message>
        <source>Paid or written off on</source>
        <translation>Bezahlt oder abgeschrieben am</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>Als bezahlt markieren</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>Abschreiben</translation>
    </message>
    <message>
        <source>Not chargeable: {no_charge}.</source>
        <translation>Nicht erstattungsfähig: {no_charge}.</translation>
    </message>
</context>
<context>
    <name>CountedCasesModel</name>
    <message>
        <source>Reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Legal process</source>
        <translation>Rechtsverfahren</translation>
    </message>
</context>
<context>
    <name>DateChangesMixin</name>
    <message>
        <source>Extend the response deadline</source>
        <translation>Die Antwortfrist verlängern</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Neue Frist</translation>
    </message>
    <message>
        <source>who agreed, and when</source>
        <translation>wer zugestimmt hat, und wann</translation>
    </message>
    <message>
        <source>Response deadline extended to {isoformat}.</source>
        <translation>Antwortfrist verlängert bis {isoformat}.</translation>
    </message>
    <message>
        <source>Resume the clock</source>
        <translation>Frist fortsetzen</translation>
    </message>
    <message>
        <source>Resumed on</source>
        <translation>Fortgesetzt am</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>The response clock runs again.</source>
        <translation>Die Antwortfrist läuft wieder.</translation>
    </message>
    <message>
        <source>Pause the clock</source>
        <translation>Die Frist anhalten</translation>
    </message>
    <message>
        <source>Paused from</source>
        <translation>Angehalten ab</translation>
    </message>
    <message>
        <source>waiting for the requester</source>
        <translation>wartet auf die ersuchende Stelle</translation>
    </message>
    <message>
        <source>The response clock is paused.</source>
        <translation>Die Antwortfrist ist angehalten.</translation>
    </message>
    <message>
        <source>The secrecy order covers {COVERS_LABELS}.</source>
        <translation>Die Geheimhaltungsanordnung umfasst {COVERS_LABELS}.</translation>
    </message>
    <message>
        <source>further order</source>
        <translation>auf Weiteres</translation>
    </message>
    <message>
        <source>Secrecy order recorded, until {until}.</source>
        <translation>Geheimhaltungsanordnung erfasst, bis {until}.</translation>
    </message>
    <message>
        <source>Secrecy order extended</source>
        <translation>Geheimhaltungsanordnung verlängert</translation>
    </message>
    <message>
        <source>New expiry</source>
        <translation>Neues Ablaufdatum</translation>
    </message>
    <message>
        <source>the court&apos;s order and its date</source>
        <translation>der Gerichtsbeschluss und sein Datum</translation>
    </message>
    <message>
        <source>Secrecy order extended to {isoformat}.</source>
        <translation>Geheimhaltungsanordnung verlängert bis {isoformat}.</translation>
    </message>
    <message>
        <source>Secrecy order set aside on the challenge: notice may go.</source>
        <translation>Geheimhaltungsanordnung auf die Anfechtung hin aufgehoben: die Benachrichtigung darf erfolgen.</translation>
    </message>
    <message>
        <source>Challenge to the secrecy order recorded.</source>
        <translation>Anfechtung der Geheimhaltungsanordnung erfasst.</translation>
    </message>
    <message>
        <source>Secrecy order reconsidered</source>
        <translation>Geheimhaltungsanordnung erneut geprüft</translation>
    </message>
    <message>
        <source>Reconsidered on</source>
        <translation>Erneut geprüft am</translation>
    </message>
    <message>
        <source>why it is (or is not) challenged</source>
        <translation>warum sie angefochten wird (oder nicht)</translation>
    </message>
    <message>
        <source>Reconsideration recorded; the order comes back after the cycle.</source>
        <translation>Erneute Prüfung erfasst; die Anordnung kommt nach dem Zyklus wieder.</translation>
    </message>
    <message>
        <source>Secrecy order lifted</source>
        <translation>Geheimhaltungsanordnung aufgehoben</translation>
    </message>
    <message>
        <source>Lifted on</source>
        <translation>Aufgehoben am</translation>
    </message>
    <message>
        <source>Secrecy order lifted on {isoformat}: delayed notice is due.</source>
        <translation>Geheimhaltungsanordnung am {isoformat} aufgehoben: die aufgeschobene Benachrichtigung ist fällig.</translation>
    </message>
    <message>
        <source>Notice given</source>
        <translation>Benachrichtigt</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Benachrichtigt am</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>e-mail to the account address, letter, admin console</source>
        <translation>E-Mail an die Kontoadresse, Brief, Verwaltungskonsole</translation>
    </message>
    <message>
        <source>Notice recorded as given.</source>
        <translation>Benachrichtigung als erfolgt erfasst.</translation>
    </message>
    <message>
        <source>Withhold notice</source>
        <translation>Benachrichtigung zurückhalten</translation>
    </message>
    <message>
        <source>what makes the exception apply</source>
        <translation>was die Ausnahme begründet</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>Notice withheld; the exception and its reason are recorded.</source>
        <translation>Benachrichtigung zurückgehalten; die Ausnahme und ihr Grund sind erfasst.</translation>
    </message>
</context>
<context>
    <name>DatesTab</name>
    <message>
        <source>Extend…</source>
        <extracomment>(message) a date or notice was recorded; the queue, today view and audit follow. (letter kind) the reviewer asked for the notice letter.</extracomment>
        <translation>Verlängern…</translation>
    </message>
    <message>
        <source>Record a new due date the requester agreed to, and why</source>
        <translation>Eine neue, mit der ersuchenden Stelle vereinbarte Frist erfassen, mit Grund</translation>
    </message>
    <message>
        <source>Pause the clock…</source>
        <translation>Frist anhalten…</translation>
    </message>
    <message>
        <source>Stop the clock while waiting for the requester (e.g. after a narrowing letter)</source>
        <translation>Die Frist anhalten, solange auf die ersuchende Stelle gewartet wird (z. B. nach einem Eingrenzungsschreiben)</translation>
    </message>
    <message>
        <source>Response deadline</source>
        <translation>Antwortfrist</translation>
    </message>
    <message>
        <source>The order covers</source>
        <translation>Die Anordnung umfasst</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Umfasst</translation>
    </message>
    <message>
        <source>Extended…</source>
        <translation>Verlängert…</translation>
    </message>
    <message>
        <source>The court extended the order: its new expiry and the order that did it</source>
        <translation>Das Gericht hat die Anordnung verlängert: ihr neues Ablaufdatum und der Beschluss dazu</translation>
    </message>
    <message>
        <source>Challenged…</source>
        <translation>Angefochten…</translation>
    </message>
    <message>
        <source>Record a challenge to the order and, when known, how it ended</source>
        <translation>Eine Anfechtung der Anordnung erfassen und, sobald bekannt, ihren Ausgang</translation>
    </message>
    <message>
        <source>Reconsidered…</source>
        <translation>Erneut geprüft…</translation>
    </message>
    <message>
        <source>The open-ended order was looked at again; it comes back after the cycle</source>
        <translation>Die unbefristete Anordnung wurde erneut geprüft; sie kommt nach dem Zyklus wieder</translation>
    </message>
    <message>
        <source>Lifted…</source>
        <translation>Aufgehoben…</translation>
    </message>
    <message>
        <source>The order was lifted: delayed notice becomes due that day</source>
        <translation>Die Anordnung wurde aufgehoben: die aufgeschobene Benachrichtigung ist an diesem Tag fällig</translation>
    </message>
    <message>
        <source>Record an order…</source>
        <translation>Anordnung erfassen…</translation>
    </message>
    <message>
        <source>The demand (or a separate order) forbids notice, but intake did not read it</source>
        <translation>Das Ersuchen (oder eine gesonderte Anordnung) verbietet die Benachrichtigung, aber die Aufnahme hat es nicht erkannt</translation>
    </message>
    <message>
        <source>Secrecy order</source>
        <translation>Geheimhaltungsanordnung</translation>
    </message>
    <message>
        <source>Notice given…</source>
        <translation>Benachrichtigt…</translation>
    </message>
    <message>
        <source>Record how and when the customer was told</source>
        <translation>Erfassen, wie und wann der Betroffene benachrichtigt wurde</translation>
    </message>
    <message>
        <source>Withhold…</source>
        <translation>Zurückhalten…</translation>
    </message>
    <message>
        <source>Withhold notice for a recorded exception, with the reason</source>
        <translation>Die Benachrichtigung wegen einer erfassten Ausnahme zurückhalten, mit Begründung</translation>
    </message>
    <message>
        <source>Draft the notice letter</source>
        <translation>Schreiben entwerfen</translation>
    </message>
    <message>
        <source>Why the notice letter waits</source>
        <translation>Warum das Benachrichtigungsschreiben wartet</translation>
    </message>
    <message>
        <source>Notice to the customer</source>
        <translation>Benachrichtigung des Betroffenen</translation>
    </message>
    <message>
        <source>No response date: the demand gives none that could be read.</source>
        <translation>Keine Antwortfrist: das Ersuchen nennt keine lesbare.</translation>
    </message>
    <message>
        <source>Enter it on the Facts tab (Response due) if the demand or the requester gives one.</source>
        <translation>Tragen Sie sie auf dem Reiter Angaben ein (Antwortfrist), wenn das Ersuchen oder die ersuchende Stelle eine nennt.</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>in 1 Tag</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>in {days} Tagen</translation>
    </message>
    <message>
        <source>Due &lt;b&gt;{day}&lt;/b&gt; — {shown}</source>
        <translation>Fällig am &lt;b&gt;{day}&lt;/b&gt; — {shown}</translation>
    </message>
    <message>
        <source>Counted as {period} ({split} public holidays).</source>
        <translation>Berechnet als {period} ({split} gesetzliche Feiertage).</translation>
    </message>
    <message>
        <source>As stated in the demand.</source>
        <translation>Wie im Ersuchen angegeben.</translation>
    </message>
    <message>
        <source>The demand&apos;s own date: {isoformat}.</source>
        <translation>Das Datum des Ersuchens selbst: {isoformat}.</translation>
    </message>
    <message>
        <source>Extended to {starts}: {reason}</source>
        <translation>Verlängert bis {starts}: {reason}</translation>
    </message>
    <message>
        <source>Paused from {starts} until {ends}: {reason}</source>
        <translation>Angehalten vom {starts} bis {ends}: {reason}</translation>
    </message>
    <message>
        <source>Paused from {starts}, still paused: {reason}</source>
        <translation>Angehalten seit {starts}, ruht weiterhin: {reason}</translation>
    </message>
    <message>
        <source>Issued {issued}.</source>
        <translation>Erlassen am {issued}.</translation>
    </message>
    <message>
        <source>Issued {issued}, for 1 day.</source>
        <translation>Erlassen am {issued}, für 1 Tag.</translation>
    </message>
    <message>
        <source>Issued {issued}, for {duration_days} days.</source>
        <translation>Erlassen am {issued}, für {duration_days} Tage.</translation>
    </message>
    <message>
        <source>Challenged on {isoformat}: {outcome}</source>
        <translation>Angefochten am {isoformat}: {outcome}</translation>
    </message>
    <message>
        <source>Challenged on {isoformat} (outcome not yet known).</source>
        <translation>Angefochten am {isoformat} (Ausgang noch nicht bekannt).</translation>
    </message>
    <message>
        <source>Owed to the enterprise customer: nothing yet.</source>
        <translation>Benachrichtigung des Unternehmenskunden: noch nicht fällig.</translation>
    </message>
    <message>
        <source>Owed to the user: nothing yet.</source>
        <translation>Benachrichtigung des Nutzers: noch nicht fällig.</translation>
    </message>
    <message>
        <source>Owed to the enterprise customer: {head}</source>
        <translation>Benachrichtigung des Unternehmenskunden: {head}</translation>
    </message>
    <message>
        <source>Owed to the user: {head}</source>
        <translation>Benachrichtigung des Nutzers: {head}</translation>
    </message>
    <message>
        <source>Given to the enterprise customer on {on}: {how} (recorded by {decided_by})</source>
        <translation>Unternehmenskunde benachrichtigt am {on}: {how} (erfasst von {decided_by})</translation>
    </message>
    <message>
        <source>Given to the user on {on}: {how} (recorded by {decided_by})</source>
        <translation>Nutzer benachrichtigt am {on}: {how} (erfasst von {decided_by})</translation>
    </message>
    <message>
        <source>Withheld from the enterprise customer: {how}; {reason} (decided by {decided_by})</source>
        <translation>Dem Unternehmenskunden vorenthalten: {how}; {reason} (entschieden von {decided_by})</translation>
    </message>
    <message>
        <source>Withheld from the user: {how}; {reason} (decided by {decided_by})</source>
        <translation>Dem Nutzer vorenthalten: {how}; {reason} (entschieden von {decided_by})</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#8a5a00&apos;&gt;&amp;#9888;&lt;/span&gt; &lt;b&gt;The notice letter waits.&lt;/b&gt; {why}</source>
        <translation>&lt;span style=&apos;color:#8a5a00&apos;&gt;&amp;#9888;&lt;/span&gt; &lt;b&gt;Das Benachrichtigungsschreiben wartet.&lt;/b&gt; {why}</translation>
    </message>
    <message>
        <source>Resume the clock</source>
        <translation>Frist fortsetzen</translation>
    </message>
    <message>
        <source>No secrecy order: the demand does not forbid telling the customer.</source>
        <translation>Keine Geheimhaltungsanordnung: das Ersuchen verbietet nicht, den Betroffenen zu benachrichtigen.</translation>
    </message>
    <message>
        <source>Lifted on &lt;b&gt;{isoformat}&lt;/b&gt;</source>
        <translation>Aufgehoben am &lt;b&gt;{isoformat}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>In force; expired &lt;b&gt;{day}&lt;/b&gt;</source>
        <translation>In Kraft; abgelaufen am &lt;b&gt;{day}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>In force; expires &lt;b&gt;{day}&lt;/b&gt;</source>
        <translation>In Kraft; läuft ab am &lt;b&gt;{day}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>In force &lt;b&gt;until further order&lt;/b&gt;</source>
        <translation>In Kraft &lt;b&gt;bis auf Weiteres&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Extended to {isoformat}: {reason}</source>
        <translation>Verlängert bis {isoformat}: {reason}</translation>
    </message>
    <message>
        <source>Last reconsidered {isoformat}.</source>
        <translation>Zuletzt erneut geprüft am {isoformat}.</translation>
    </message>
    <message>
        <source>Reconsider by {isoformat} whether to challenge it.</source>
        <translation>Bis {isoformat} erneut prüfen, ob sie angefochten wird.</translation>
    </message>
    <message>
        <source>Notice falls due once data is to be disclosed, or when a secrecy order ends.</source>
        <translation>Die Benachrichtigung wird fällig, sobald Daten herausgegeben werden sollen oder eine Geheimhaltungsanordnung endet.</translation>
    </message>
    <message>
        <source>Draft the letter that tells the customer, from the decision</source>
        <translation>Das Schreiben entwerfen, das den Betroffenen benachrichtigt, aus der Entscheidung</translation>
    </message>
</context>
<context>
    <name>DecisionTab</name>
    <message>
        <source>Recommendation</source>
        <extracomment>(item id) the reviewer clicked an item the recommendation rests on. (message) a decision was recorded or approved; the case&apos;s views should be refreshed.</extracomment>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Untick what is not disclosed. Only a disclosing or narrowing decision keeps a scope.</source>
        <translation>Wählen Sie ab, was nicht herausgegeben wird. Nur eine herausgebende oder eingrenzende Entscheidung behält einen Umfang.</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Entscheidung erfassen</translation>
    </message>
    <message>
        <source>Record this outcome, its reasons and its scope (a new revision)</source>
        <translation>Dieses Ergebnis, seine Gründe und seinen Umfang erfassen (eine neue Fassung)</translation>
    </message>
    <message>
        <source>Use the recommendation</source>
        <translation>Die Empfehlung übernehmen</translation>
    </message>
    <message>
        <source>Start again from the recommended outcome and scope</source>
        <translation>Neu beginnen mit dem empfohlenen Ergebnis und Umfang</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Genehmigen…</translation>
    </message>
    <message>
        <source>A second reviewer approves with their own name and PIN</source>
        <translation>Ein zweiter Prüfer genehmigt mit eigenem Namen und eigener PIN</translation>
    </message>
    <message>
        <source>Decision history</source>
        <translation>Entscheidungsverlauf</translation>
    </message>
    <message>
        <source>Decisions made</source>
        <translation>Getroffene Entscheidungen</translation>
    </message>
    <message>
        <source>Also named in other cases: {cases}</source>
        <translation>Auch in anderen Fällen genannt: {cases}</translation>
    </message>
    <message>
        <source>{outcome} (recommended)</source>
        <translation>{outcome} (empfohlen)</translation>
    </message>
    <message>
        <source>Revision {revision} ({outcome_label}) decided by {decided_by}, approved by {approved_by} {replace}.</source>
        <translation>Fassung {revision} ({outcome_label}) entschieden von {decided_by}, genehmigt von {approved_by} am {replace}.</translation>
    </message>
    <message>
        <source>Revision {revision} ({outcome_label}) decided by {decided_by}; it needs no second reviewer&apos;s approval.</source>
        <translation>Fassung {revision} ({outcome_label}) entschieden von {decided_by}; keine Genehmigung durch einen zweiten Prüfer nötig.</translation>
    </message>
    <message>
        <source>{decided_by} made this decision; a different reviewer approves it with their own PIN. An administrator enrols a second reviewer first (Tools ▸ Reviewers…).</source>
        <translation>{decided_by} hat diese Entscheidung getroffen; ein anderer Prüfer genehmigt sie mit seiner eigenen PIN. Ein Administrator nimmt zuerst einen zweiten Prüfer auf (Extras ▸ Prüfer…).</translation>
    </message>
    <message>
        <source>Record new revision</source>
        <translation>Neue Fassung erfassen</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>No decision recorded yet.</source>
        <translation>Noch keine Entscheidung erfasst.</translation>
    </message>
    <message>
        <source>Revision {revision} ({outcome_label}) is awaiting approval by a second reviewer — anyone but {decided_by}.</source>
        <translation>Fassung {revision} ({outcome_label}) wartet auf die Genehmigung durch einen zweiten Prüfer — jeden außer {decided_by}.</translation>
    </message>
    <message>
        <source>
Overridden by {decided_by}: {get}</source>
        <translation>
Übergangen von {decided_by}: {get}</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>Entscheidung nicht erfasst</translation>
    </message>
    <message>
        <source>awaiting approval by a second reviewer</source>
        <translation>wartet auf die Genehmigung durch einen zweiten Prüfer</translation>
    </message>
    <message>
        <source>{decided_by} made this decision; a different reviewer approves it with their own PIN.</source>
        <translation>{decided_by} hat diese Entscheidung getroffen; ein anderer Prüfer genehmigt sie mit seiner eigenen PIN.</translation>
    </message>
    <message>
        <source>Nothing to approve</source>
        <translation>Nichts zu genehmigen</translation>
    </message>
    <message>
        <source>Revision {revision} approved by {approved_by}.</source>
        <translation>Fassung {revision} genehmigt von {approved_by}.</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Welche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Dieser Arbeitsplatz</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Andere Seite</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>New disclosure without legal process</source>
        <translation>Neue Herausgabe ohne förmliches Ersuchen</translation>
    </message>
    <message>
        <source>Data disclosed with no demand served, on one of the grounds the policy allows. A second reviewer approves it before it goes out, except in a genuine emergency, where the approval follows and the case stays flagged.</source>
        <translation>Daten, die ohne zugestelltes Ersuchen aus einem vom Regelwerk zugelassenen Grund herausgegeben werden. Ein zweiter Prüfer genehmigt die Herausgabe vorher, außer in einem echten Notfall: dann folgt die Genehmigung, und der Fall bleibt markiert.</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Disclosed to</source>
        <translation>Herausgegeben an</translation>
    </message>
    <message>
        <source>e.g. National Center for Missing and Exploited Children</source>
        <translation>z. B. National Center for Missing and Exploited Children</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>ISO code, e.g. US</source>
        <translation>ISO-Code, z. B. US</translation>
    </message>
    <message>
        <source>Disclosed on</source>
        <translation>Herausgegeben am</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <source>One per line: an e-mail address, or KIND=VALUE (ip=203.0.113.9)</source>
        <translation>Eine pro Zeile: eine E-Mail-Adresse oder ART=WERT (ip=203.0.113.9)</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Why the data had to leave without legal process</source>
        <translation>Warum die Daten ohne förmliches Ersuchen herausgegeben werden mussten</translation>
    </message>
    <message>
        <source>Already disclosed, before a second reviewer approved (emergency)</source>
        <translation>Bereits herausgegeben, bevor ein zweiter Prüfer genehmigt hat (Notfall)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>&amp;Ground:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Disclosed &amp;to:</source>
        <translation>Herausgegeben &amp;an:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Disclosed &amp;on:</source>
        <translation>Herausgegeben &amp;am:</translation>
    </message>
    <message>
        <source>&amp;Identifiers:</source>
        <translation>&amp;Kennungen:</translation>
    </message>
    <message>
        <source>Data disclosed:</source>
        <translation>Herausgegebene Daten:</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Supporting document:</source>
        <translation>Belegdokument:</translation>
    </message>
    <message>
        <source>Record disclosure</source>
        <translation>Herausgabe erfassen</translation>
    </message>
    <message>
        <source>Policy: {policy}</source>
        <translation>Regel: {policy}</translation>
    </message>
    <message>
        <source>Supporting document</source>
        <translation>Belegdokument</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot read {name}: {value}</source>
        <translation>{name} kann nicht gelesen werden: {value}</translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <source>Approve as second reviewer…</source>
        <translation>Als zweiter Prüfer genehmigen…</translation>
    </message>
    <message>
        <source>{recorder} recorded this disclosure; a different reviewer approves it with their own PIN.</source>
        <translation>{recorder} hat diese Herausgabe erfasst; ein anderer Prüfer genehmigt sie mit seiner eigenen PIN.</translation>
    </message>
    <message>
        <source>Approve disclosure</source>
        <translation>Herausgabe genehmigen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Disclosure approved by {approved_by}.</source>
        <translation>Herausgabe genehmigt von {approved_by}.</translation>
    </message>
</context>
<context>
    <name>ElidedValue</name>
    <message>
        <source>Copy {what}</source>
        <translation>{what} kopieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the whole {what} to the clipboard</source>
        <translation>{what} vollständig in die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Let {name} sign in here</source>
        <translation>{name} hier anmelden lassen</translation>
    </message>
    <message>
        <source>Enrol a reviewer</source>
        <translation>Prüfer aufnehmen</translation>
    </message>
    <message>
        <source>their name, as it will appear on decisions</source>
        <translation>sein Name, wie er auf Entscheidungen erscheint</translation>
    </message>
    <message>
        <source>New reviewer&apos;s name</source>
        <translation>Name des neuen Prüfers</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>typed by the new reviewer</source>
        <translation>vom neuen Prüfer eingegeben</translation>
    </message>
    <message>
        <source>New reviewer&apos;s PIN</source>
        <translation>PIN des neuen Prüfers</translation>
    </message>
    <message>
        <source>again</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>New reviewer&apos;s PIN again</source>
        <translation>PIN des neuen Prüfers wiederholen</translation>
    </message>
    <message>
        <source>{name}, enrolled on {origin} (hand them the keyboard)</source>
        <translation>{name}, aufgenommen an {origin} (übergeben Sie ihm die Tastatur)</translation>
    </message>
    <message>
        <source>another workstation</source>
        <translation>einem anderen Arbeitsplatz</translation>
    </message>
    <message>
        <source>The new reviewer (hand them the keyboard for their PIN)</source>
        <translation>Der neue Prüfer (übergeben Sie ihm die Tastatur für seine PIN)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>Seine PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>The new reviewer&apos;s two PINs differ.</source>
        <translation>Die beiden PINs des neuen Prüfers stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Gelesen als</translation>
    </message>
    <message>
        <source> (no box on the page)</source>
        <translation> (kein Rahmen auf der Seite)</translation>
    </message>
</context>
<context>
    <name>ExportMixin</name>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (Tabelle)</translation>
    </message>
    <message>
        <source>JSON (data)</source>
        <translation>JSON (Daten)</translation>
    </message>
    <message>
        <source>PDF (to read or print)</source>
        <translation>PDF (zum Lesen oder Drucken)</translation>
    </message>
    <message>
        <source>our columns</source>
        <translation>unsere Spalten</translation>
    </message>
    <message>
        <source>like Google&apos;s</source>
        <translation>wie bei Google</translation>
    </message>
    <message>
        <source>like Apple&apos;s</source>
        <translation>wie bei Apple</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the report as its PDF export shows it (Ctrl+P; audited)</source>
        <translation>Den Bericht so drucken, wie sein PDF-Export ihn zeigt (Strg+P; protokolliert)</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>See the printed pages first</source>
        <translation>Zuerst die gedruckten Seiten ansehen</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Report not exported</source>
        <translation>Bericht nicht exportiert</translation>
    </message>
    <message>
        <source>The report could not be written to {path}:
{reason}.

Nothing was written there; choose another folder (one you can write to, on a disk with room).</source>
        <translation>Der Bericht konnte nicht nach {path} geschrieben werden:
{reason}.

Dort wurde nichts geschrieben; wählen Sie einen anderen Ordner (einen beschreibbaren, auf einem Datenträger mit freiem Platz).</translation>
    </message>
    <message>
        <source>Wrote the {label} report ({format}) to {path}.</source>
        <translation>Bericht {label} ({format}) nach {path} geschrieben.</translation>
    </message>
    <message>
        <source>Report not printed</source>
        <translation>Bericht nicht gedruckt</translation>
    </message>
    <message>
        <source>Printed the {label} report.</source>
        <translation>Bericht {label} gedruckt.</translation>
    </message>
    <message>
        <source>Export the transparency report</source>
        <translation>Den Transparenzbericht exportieren</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <source>Correct: {label}</source>
        <translation>Korrigieren: {label}</translation>
    </message>
    <message>
        <source>what the served original shows, and where</source>
        <translation>was das zugestellte Original zeigt, und wo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>First reading</source>
        <translation>Erste Lesung</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>empty: not known</source>
        <translation>leer: nicht bekannt</translation>
    </message>
</context>
<context>
    <name>FactsModel</name>
    <message>
        <source>Fact</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Read from</source>
        <translation>Gelesen aus</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>corrected by {updated_by}</source>
        <translation>korrigiert von {updated_by}</translation>
    </message>
    <message>
        <source>page {page} · {confidence} %</source>
        <translation>Seite {page} · {confidence} %</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>Seite {page}</translation>
    </message>
    <message>
        <source>{confidence} %</source>
        <translation>{confidence} %</translation>
    </message>
    <message>
        <source>Double-click or press F2 to correct</source>
        <translation>Doppelklicken oder F2 drücken, um zu korrigieren</translation>
    </message>
    <message>
        <source>
First reading: {value}</source>
        <translation>
Erste Lesung: {value}</translation>
    </message>
    <message>
        <source>
Check this: {flag}</source>
        <translation>
Bitte prüfen: {flag}</translation>
    </message>
</context>
<context>
    <name>FactsTab</name>
    <message>
        <source>Facts read from the demand</source>
        <extracomment>(page 0-based, box) the reviewer selected a fact that was read from the page.</extracomment>
        <translation>Aus dem Ersuchen gelesene Angaben</translation>
    </message>
    <message>
        <source>Correct the selected fact…</source>
        <translation>Gewählte Angabe korrigieren…</translation>
    </message>
    <message>
        <source>Targets, data asked for, secrecy order</source>
        <translation>Betroffene, angeforderte Daten, Geheimhaltungsanordnung</translation>
    </message>
    <message>
        <source>Add &amp;target…</source>
        <translation>Kenn&amp;ung hinzufügen…</translation>
    </message>
    <message>
        <source>Add data &amp;asked for…</source>
        <translation>Da&amp;ten hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected target or kind of data asked for</source>
        <translation>Die gewählte Kennung oder Art angeforderter Daten entfernen</translation>
    </message>
    <message>
        <source>&amp;Correct fact…</source>
        <translation>Angabe &amp;korrigieren…</translation>
    </message>
    <message>
        <source>Correct the selected fact from the served original (F2)</source>
        <translation>Die gewählte Angabe nach dem zugestellten Original korrigieren (F2)</translation>
    </message>
    <message>
        <source>Double-click a fact (or press F2) to correct it; the first reading is kept. What the scan could not show (a blacked-out target, a list in an attachment) is added from the served original, with the reason.</source>
        <extracomment>the window&apos;s use case: (what, fields) -&gt; None, raising DeskError with the refusal</extracomment>
        <translation>Doppelklicken Sie auf eine Angabe (oder drücken Sie F2), um sie zu korrigieren; die erste Lesung bleibt erhalten. Was der Scan nicht zeigen konnte (eine geschwärzte Kennung, eine Liste in einer Anlage), wird aus dem zugestellten Original ergänzt, mit Begründung.</translation>
    </message>
    <message>
        <source> · read by OCR</source>
        <translation> · per Texterkennung gelesen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{reference}&lt;/b&gt; · 1 page{read}</source>
        <translation>&lt;b&gt;{reference}&lt;/b&gt; · 1 Seite{read}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{reference}&lt;/b&gt; · {pages} pages{read}</source>
        <translation>&lt;b&gt;{reference}&lt;/b&gt; · {pages} Seiten{read}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Select a target or a kind of data asked for in the list first.</source>
        <translation>Wählen Sie zuerst eine Kennung oder eine Art angeforderter Daten in der Liste.</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <source>{label} · {label2}: its numerator&apos;s cases — Enter or click lists them</source>
        <extracomment>the (table, row, column) keys of the figure a cell shows; None on the row-label column the case id of a row of the cases list</extracomment>
        <translation>{label} · {label2}: die Fälle seines Zählers — Eingabetaste oder Klick listet sie auf</translation>
    </message>
    <message>
        <source>{label} · {label2}: 1 case — Enter or click lists it</source>
        <translation>{label} · {label2}: 1 Fall — Eingabetaste oder Klick listet ihn auf</translation>
    </message>
    <message>
        <source>{label} · {label2}: {cases:,} cases — Enter or click lists them</source>
        <translation>{label} · {label2}: {cases:,} Fälle — Eingabetaste oder Klick listet sie auf</translation>
    </message>
</context>
<context>
    <name>FiguresPanelMixin</name>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Demands by requesting country</source>
        <translation>Ersuchen nach ersuchendem Land</translation>
    </message>
    <message>
        <source>Trend over the past half-years</source>
        <translation>Verlauf der letzten Halbjahre</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Cases counted in the figure</source>
        <translation>In der Zahl gezählte Fälle</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Select a figure to list the cases counted in it.</source>
        <translation>Wählen Sie eine Zahl, um die darin gezählten Fälle aufzulisten.</translation>
    </message>
    <message>
        <source>+ {hidden} more in the table</source>
        <translation>+ {hidden} weitere in der Tabelle</translation>
    </message>
    <message>
        <source>Select a figure (click, or arrow keys) to list the cases counted in it.</source>
        <translation>Wählen Sie eine Zahl (Klick oder Pfeiltasten), um die darin gezählten Fälle aufzulisten.</translation>
    </message>
    <message>
        <source>1 case in {title} · {label} · {label2}</source>
        <translation>1 Fall in {title} · {label} · {label2}</translation>
    </message>
    <message>
        <source>{len:,} cases in {title} · {label} · {label2}</source>
        <translation>{len:,} Fälle in {title} · {label} · {label2}</translation>
    </message>
    <message>
        <source>{what_is_listed} Enter or double-click opens a case.</source>
        <translation>{what_is_listed} Eingabetaste oder Doppelklick öffnet einen Fall.</translation>
    </message>
    <message>
        <source>{reference} is no longer in the store.</source>
        <translation>{reference} ist nicht mehr im Speicher.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document (OCR text)…</source>
        <extracomment>the text to find changed (str). go to the next (+1) or previous (-1) match. the bar was closed.</extracomment>
        <translation>Im Dokument suchen (OCR-Text)…</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Im Dokument suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} von {total}</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Demand Desk — User guide</source>
        <translation>Demand Desk — Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Rev.</source>
        <translation>Fass.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Revision {revision}, {at} by {name}</source>
        <translation>Fassung {revision}, {at} von {name}</translation>
    </message>
    <message>
        <source>Policy {version}</source>
        <translation>Regelwerk {version}</translation>
    </message>
    <message>
        <source>Reasons: {reasons}</source>
        <translation>Gründe: {reasons}</translation>
    </message>
    <message>
        <source>Identifiers: {identifiers}</source>
        <translation>Kennungen: {identifiers}</translation>
    </message>
    <message>
        <source>Categories: {categories}</source>
        <translation>Kategorien: {categories}</translation>
    </message>
    <message>
        <source>Dates: {start} to {end}</source>
        <translation>Zeitraum: {start} bis {end}</translation>
    </message>
</context>
<context>
    <name>HoldBox</name>
    <message>
        <source>Preservation hold</source>
        <extracomment>(message) the hold was recorded, extended or released.</extracomment>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>Extended…</source>
        <translation>Verlängert…</translation>
    </message>
    <message>
        <source>A renewed request extends the hold: its new last day and the letter</source>
        <translation>Ein erneuertes Ersuchen verlängert die Datensicherung: ihr neuer letzter Tag und das Schreiben</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>The requester no longer needs the data kept: the hold ends today</source>
        <translation>Die ersuchende Stelle braucht die Daten nicht mehr: die Datensicherung endet heute</translation>
    </message>
    <message>
        <source>Record the hold</source>
        <translation>Datensicherung erfassen</translation>
    </message>
    <message>
        <source>Intake made no hold (the targets were corrected since): make it now</source>
        <translation>Bei der Aufnahme wurde keine Datensicherung angelegt (die Kennungen wurden seither korrigiert): jetzt anlegen</translation>
    </message>
    <message>
        <source>&lt;b&gt;This demand names accounts under a preservation hold.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dieses Ersuchen nennt Konten, deren Daten gesichert werden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>an unknown requester</source>
        <translation>einer unbekannten ersuchenden Stelle</translation>
    </message>
    <message>
        <source>&lt;b&gt;No hold was made for this preservation request.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Für dieses Sicherungsersuchen wurde keine Datensicherung angelegt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Held until &lt;b&gt;{until}&lt;/b&gt; — {word}</source>
        <translation>Gesichert bis &lt;b&gt;{until}&lt;/b&gt; — {word}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{state}&lt;/b&gt;&lt;/span&gt; — the hold ended on &lt;b&gt;{ended}&lt;/b&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{state}&lt;/b&gt;&lt;/span&gt; — die Datensicherung endete am &lt;b&gt;{ended}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Extended to {until} by {by}: {reason}</source>
        <translation>Verlängert bis {until} von {by}: {reason}</translation>
    </message>
    <message>
        <source>Demand {reference} (served {received}) names {join}.</source>
        <translation>Ersuchen {reference} (zugestellt am {received}) nennt {join}.</translation>
    </message>
    <message>
        <source>Ended on {on}: {reason}</source>
        <translation>Beendet am {on}: {reason}</translation>
    </message>
    <message>
        <source>{reference}: {accounts} held {starts}–{until} at the request of {requester}. Answering or withdrawing this demand ends that hold.</source>
        <translation>{reference}: {accounts} gesichert {starts}–{until} auf Ersuchen von {requester}. Die Beantwortung oder Rücknahme dieses Ersuchens beendet diese Datensicherung.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;1 day left&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;noch 1 Tag&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{left} days left&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;noch {left} Tage&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Since {starts} under {statute}, at the request of {requester}.</source>
        <translation>Seit {starts} nach {statute}, auf Ersuchen von {requester}.</translation>
    </message>
    <message>
        <source>Since {starts} under {statute}.</source>
        <translation>Seit {starts} nach {statute}.</translation>
    </message>
    <message>
        <source>Accounts: {accounts}</source>
        <translation>Konten: {accounts}</translation>
    </message>
    <message>
        <source>No extension left.</source>
        <translation>Keine Verlängerung mehr möglich.</translation>
    </message>
    <message>
        <source>1 extension left.</source>
        <translation>Noch 1 Verlängerung möglich.</translation>
    </message>
    <message>
        <source>{extensions_left} extensions left.</source>
        <translation>Noch {extensions_left} Verlängerungen möglich.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgenommen</translation>
    </message>
    <message>
        <source>Extend the preservation hold</source>
        <translation>Die Datensicherung verlängern</translation>
    </message>
    <message>
        <source>Held until</source>
        <translation>Gesichert bis</translation>
    </message>
    <message>
        <source>Renewed request</source>
        <translation>Erneuertes Ersuchen</translation>
    </message>
    <message>
        <source>its letter, date and reference</source>
        <translation>sein Schreiben, Datum und Aktenzeichen</translation>
    </message>
    <message>
        <source>Preservation hold extended to {isoformat}.</source>
        <translation>Datensicherung verlängert bis {isoformat}.</translation>
    </message>
    <message>
        <source>Release the preservation hold</source>
        <translation>Die Datensicherung freigeben</translation>
    </message>
    <message>
        <source>e.g. the requester&apos;s e-mail of today</source>
        <translation>z. B. die heutige E-Mail der ersuchenden Stelle</translation>
    </message>
    <message>
        <source>Preservation hold released.</source>
        <translation>Datensicherung freigegeben.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;{escape}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;{escape}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Preservation hold recorded until {isoformat}.</source>
        <translation>Datensicherung erfasst bis {isoformat}.</translation>
    </message>
</context>
<context>
    <name>IntakeMixin</name>
    <message>
        <source>Open demand</source>
        <translation>Ersuchen öffnen</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>PDF-Dokumente (*.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading {name}… (not stored yet)</source>
        <translation>{name} wird gelesen… (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>Stored {name} as a new case. {warnings}</source>
        <translation>{name} als neuen Fall gespeichert. {warnings}</translation>
    </message>
    <message>
        <source>Stored {name} as a new case.</source>
        <translation>{name} als neuen Fall gespeichert.</translation>
    </message>
    <message>
        <source>Cancelled: {name} was not stored.</source>
        <translation>Abgebrochen: {name} wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Unexpected error: {kind}: {error}</source>
        <translation>Unerwarteter Fehler: {kind}: {error}</translation>
    </message>
    <message>
        <source>Demand not stored</source>
        <translation>Ersuchen nicht gespeichert</translation>
    </message>
    <message>
        <source>{name} was not stored.

{message}</source>
        <translation>{name} wurde nicht gespeichert.

{message}</translation>
    </message>
</context>
<context>
    <name>KeyFilePassphraseDialog</name>
    <message>
        <source>Key file passphrase</source>
        <translation>Passphrase der Schlüsseldatei</translation>
    </message>
    <message>
        <source>Choose a passphrase for the key file. Tell it to your colleague another way than the file travels.</source>
        <translation>Wählen Sie eine Passphrase für die Schlüsseldatei. Teilen Sie sie Ihrer Kollegin oder Ihrem Kollegen auf einem anderen Weg mit als dem, auf dem die Datei reist.</translation>
    </message>
    <message>
        <source>The passphrase the key file was made with.</source>
        <translation>Die Passphrase, mit der die Schlüsseldatei erstellt wurde.</translation>
    </message>
    <message>
        <source>again</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>Key file passphrase again</source>
        <translation>Passphrase der Schlüsseldatei wiederholen</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>Datei erstellen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Use at least {count} characters.</source>
        <translation>Verwenden Sie mindestens {count} Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>The data belongs to an enterprise customer</source>
        <translation>Die Daten gehören einem Unternehmenskunden</translation>
    </message>
    <message>
        <source>One of the narrow enterprise exceptions applies</source>
        <translation>Eine der engen Ausnahmen für Unternehmenskunden greift</translation>
    </message>
    <message>
        <source>Enterprise seats</source>
        <translation>Unternehmenslizenzen</translation>
    </message>
    <message>
        <source>Data stored in</source>
        <translation>Daten gespeichert in</translation>
    </message>
    <message>
        <source>Target is a journalist, activist or human-rights defender</source>
        <translation>Betroffene(r) ist Journalist(in), Aktivist(in) oder Menschenrechtsverteidiger(in)</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Straftat</translation>
    </message>
    <message>
        <source>The offence criminalises speech, journalism, religion, sexual orientation or peaceful assembly</source>
        <translation>Die Straftat stellt Meinungsäußerung, Journalismus, Religion, sexuelle Orientierung oder friedliche Versammlung unter Strafe</translation>
    </message>
    <message>
        <source>The account owner consents (civil demands)</source>
        <translation>Der Kontoinhaber willigt ein (zivilrechtliche Ersuchen)</translation>
    </message>
    <message>
        <source>country code, e.g. IE (not known)</source>
        <translation>Ländercode, z. B. IE (nicht bekannt)</translation>
    </message>
    <message>
        <source>the offence investigated (not known)</source>
        <translation>die ermittelte Straftat (nicht bekannt)</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Human rights</source>
        <translation>Menschenrechte</translation>
    </message>
    <message>
        <source>Emergency request</source>
        <translation>Notfallersuchen</translation>
    </message>
    <message>
        <source>Civil litigant</source>
        <translation>Zivilpartei</translation>
    </message>
    <message>
        <source>Enterprise customer</source>
        <translation>Unternehmenskunde</translation>
    </message>
    <message>
        <source>the user and the enterprise customer</source>
        <translation>den Nutzer und den Unternehmenskunden</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>den Nutzer</translation>
    </message>
    <message>
        <source>the enterprise customer</source>
        <translation>den Unternehmenskunden</translation>
    </message>
    <message>
        <source>The day it was served: staleness and periods from receipt count from it</source>
        <translation>Der Tag der Zustellung: Verjährung und Fristen ab Eingang zählen ab diesem Tag</translation>
    </message>
    <message>
        <source>Subscriber information</source>
        <translation>Bestandsdaten</translation>
    </message>
    <message>
        <source>IP history</source>
        <translation>IP-Verlauf</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnungsdaten</translation>
    </message>
    <message>
        <source>Traffic records</source>
        <translation>Verkehrsdaten</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <source>Narrowing request</source>
        <translation>Bitte um Eingrenzung</translation>
    </message>
    <message>
        <source>Redirect to the enterprise customer</source>
        <translation>Verweis an den Unternehmenskunden</translation>
    </message>
    <message>
        <source>Disclosure cover letter</source>
        <translation>Begleitschreiben zur Herausgabe</translation>
    </message>
    <message>
        <source>User notice</source>
        <translation>Benachrichtigung des Nutzers</translation>
    </message>
    <message>
        <source>Delayed notice</source>
        <translation>Aufgeschobene Benachrichtigung</translation>
    </message>
    <message>
        <source>Enterprise-customer notice</source>
        <translation>Benachrichtigung des Unternehmenskunden</translation>
    </message>
    <message>
        <source>Secrecy-order challenge</source>
        <translation>Anfechtung der Geheimhaltungsanordnung</translation>
    </message>
    <message>
        <source>Emergency response</source>
        <translation>Antwort auf Notfallersuchen</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Gamertag</source>
        <translation>Gamertag</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Other identifier</source>
        <translation>Sonstige Kennung</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Nicht bekannt</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Gesellschaft</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Unterzeichnet von</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>Funktion des Unterzeichners</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Sprache des Fensters</translation>
    </message>
    <message>
        <source>The desktop&apos;s language</source>
        <translation>Die Sprache des Desktops</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>The window shows the new language from the next start. Letters keep the language chosen for each letter.</source>
        <translation>Das Fenster zeigt die neue Sprache ab dem nächsten Start. Schreiben behalten die für jedes Schreiben gewählte Sprache.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>LetterActionsMixin</name>
    <message>
        <source>Letter not saved</source>
        <translation>Schreiben nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved as revision {revision}; final revision {revision2} stays as it was.</source>
        <translation>Als Fassung {revision} gespeichert; die abgeschlossene Fassung {revision2} bleibt, wie sie war.</translation>
    </message>
    <message>
        <source>Saved revision {revision} of the {lower}.</source>
        <translation>Fassung {revision} von „{lower}“ gespeichert.</translation>
    </message>
    <message>
        <source>Letter not drafted</source>
        <translation>Schreiben nicht entworfen</translation>
    </message>
    <message>
        <source>Drafted the {lower} (revision {revision}).</source>
        <translation>„{lower}“ entworfen (Fassung {revision}).</translation>
    </message>
    <message>
        <source>Finalise letter</source>
        <translation>Schreiben abschließen</translation>
    </message>
    <message>
        <source>Finalise the {lower}?

It will be locked: its PDF and SHA-256 are stored, and any later change becomes a new revision.</source>
        <translation>„{lower}“ abschließen?

Es wird festgeschrieben: sein PDF und SHA-256 werden gespeichert, und jede spätere Änderung wird eine neue Fassung.</translation>
    </message>
    <message>
        <source>

Your unsaved changes are saved first.</source>
        <translation>

Ihre ungespeicherten Änderungen werden zuerst gespeichert.</translation>
    </message>
    <message>
        <source>Check the recipient first:
</source>
        <translation>Prüfen Sie zuerst den Empfänger:
</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Nothing was changed: this revision is final.</source>
        <translation>Nichts geändert: diese Fassung ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Letter not finalised</source>
        <translation>Schreiben nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Finalised revision {revision}; SHA-256 {value}…</source>
        <translation>Fassung {revision} abgeschlossen; SHA-256 {value}…</translation>
    </message>
    <message>
        <source>Export letter</source>
        <translation>Schreiben exportieren</translation>
    </message>
    <message>
        <source>Export draft (not final)</source>
        <translation>Entwurf exportieren (nicht abgeschlossen)</translation>
    </message>
    <message>
        <source>Letter not exported</source>
        <translation>Schreiben nicht exportiert</translation>
    </message>
    <message>
        <source>Exported to {written}</source>
        <translation>Exportiert nach {written}</translation>
    </message>
    <message>
        <source>Response package</source>
        <translation>Antwortpaket</translation>
    </message>
    <message>
        <source>One PDF with the case&apos;s final letters (the latest final revision of each), every page stamped with the case reference and numbered.</source>
        <translation>Ein PDF mit den abgeschlossenen Schreiben des Falls (jeweils die letzte abgeschlossene Fassung), jede Seite mit dem Aktenzeichen des Falls versehen und nummeriert.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Include the demand itself, after the letters</source>
        <translation>Das Ersuchen selbst nach den Schreiben anfügen</translation>
    </message>
    <message>
        <source>Save response package</source>
        <translation>Antwortpaket speichern</translation>
    </message>
    <message>
        <source>Package not written</source>
        <translation>Paket nicht geschrieben</translation>
    </message>
    <message>
        <source>Response package written to {written}</source>
        <translation>Antwortpaket geschrieben nach {written}</translation>
    </message>
    <message>
        <source>Letterhead saved: drafts show it now, final letters keep theirs.</source>
        <translation>Briefkopf gespeichert: Entwürfe zeigen ihn jetzt, abgeschlossene Schreiben behalten ihren.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message>
        <source>Letter text</source>
        <translation>Text des Schreibens</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>Bullets</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>{name} ({keys}) — written {example}</source>
        <translation>{name} ({keys}) — geschrieben {example}</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <source>Letter preview</source>
        <extracomment>(PDF bytes, milliseconds the render took) the newest requested render is ready. (message) the newest requested render failed.</extracomment>
        <translation>Vorschau des Schreibens</translation>
    </message>
    <message>
        <source>Show the pages at their printed size (scroll to read); again to fit the width</source>
        <translation>Die Seiten in Druckgröße zeigen (zum Lesen scrollen); erneut, um die Breite anzupassen</translation>
    </message>
    <message>
        <source>The preview cannot be shown.</source>
        <translation>Die Vorschau kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>{pages} Seiten</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Letterhead</source>
        <translation>Briefkopf</translation>
    </message>
    <message>
        <source>Shared by every letter. Changes show in the preview and in letters drafted from now on.</source>
        <translation>Gilt für jedes Schreiben. Änderungen erscheinen in der Vorschau und in ab jetzt entworfenen Schreiben.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>One line per line of the address</source>
        <translation>Eine Zeile je Zeile der Anschrift</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitenformat</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Choose PNG…</source>
        <translation>PNG wählen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation>Logo wählen</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
</context>
<context>
    <name>LettersModel</name>
    <message>
        <source>Letter</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>Fass.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Final · replaced</source>
        <translation>Abgeschlossen · ersetzt</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Drafted {replace} by {created_by}</source>
        <translation>Entworfen {replace} von {created_by}</translation>
    </message>
    <message>
        <source>Replaces an earlier final revision</source>
        <translation>Ersetzt eine frühere abgeschlossene Fassung</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>The preview could not be rendered: {message}</source>
        <extracomment>a letter was drafted, saved, finalised, exported or packaged: the audit trail has grown. (text) what was just done, for the status bar.</extracomment>
        <translation>Die Vorschau konnte nicht erzeugt werden: {message}</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>Neuer Entwurf</translation>
    </message>
    <message>
        <source>Language of a new draft</source>
        <translation>Sprache eines neuen Entwurfs</translation>
    </message>
    <message>
        <source>The language a new draft is written in</source>
        <translation>Die Sprache, in der ein neuer Entwurf geschrieben wird</translation>
    </message>
    <message>
        <source>Response package…</source>
        <translation>Antwortpaket…</translation>
    </message>
    <message>
        <source>The final letters (and, if you choose, the demand) in one PDF, every page stamped with the case reference</source>
        <translation>Die abgeschlossenen Schreiben (und, wenn Sie wollen, das Ersuchen) in einem PDF, jede Seite mit dem Aktenzeichen des Falls versehen</translation>
    </message>
    <message>
        <source>Letterhead…</source>
        <translation>Briefkopf…</translation>
    </message>
    <message>
        <source>Organisation, address, signature, page size and logo of every letter</source>
        <translation>Organisation, Anschrift, Unterschrift, Seitenformat und Logo jedes Schreibens</translation>
    </message>
    <message>
        <source>Why the response package waits</source>
        <translation>Warum das Antwortpaket wartet</translation>
    </message>
    <message>
        <source>Letter title</source>
        <translation>Titel des Schreibens</translation>
    </message>
    <message>
        <source>Title (the subject line)</source>
        <translation>Titel (die Betreffzeile)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Store the draft (Ctrl+S)</source>
        <translation>Den Entwurf speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <source>Lock this letter: its PDF and SHA-256 are stored</source>
        <translation>Dieses Schreiben festschreiben: sein PDF und SHA-256 werden gespeichert</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write this letter&apos;s PDF to a folder you choose</source>
        <translation>Das PDF dieses Schreibens in einen Ordner Ihrer Wahl schreiben</translation>
    </message>
    <message>
        <source>Letter editing</source>
        <translation>Schreiben bearbeiten</translation>
    </message>
    <message>
        <source>Why this letter waits</source>
        <translation>Warum dieses Schreiben wartet</translation>
    </message>
    <message>
        <source>SHA-256 of the final PDF</source>
        <translation>SHA-256 des abgeschlossenen PDF</translation>
    </message>
    <message>
        <source>Edit as new revision</source>
        <translation>Als neue Fassung bearbeiten</translation>
    </message>
    <message>
        <source>This letter stays as it is; your changes become a new draft revision</source>
        <translation>Dieses Schreiben bleibt, wie es ist; Ihre Änderungen werden zu einer neuen Entwurfsfassung</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>The letters cannot be shown: {exc}</source>
        <translation>Die Schreiben können nicht angezeigt werden: {exc}</translation>
    </message>
    <message>
        <source>Response package: {held}</source>
        <translation>Antwortpaket: {held}</translation>
    </message>
    <message>
        <source>Finalise and Export wait. {finalise}</source>
        <translation>Abschließen und Exportieren warten. {finalise}</translation>
    </message>
    <message>
        <source>Finalise waits. {finalise}</source>
        <translation>Abschließen wartet. {finalise}</translation>
    </message>
    <message>
        <source>Export waits. {export}</source>
        <translation>Exportieren wartet. {export}</translation>
    </message>
    <message>
        <source>No decision yet. Record one on the Decision tab (Ctrl+3): letters are drafted from it.</source>
        <translation>Noch keine Entscheidung. Erfassen Sie eine auf dem Reiter Entscheidung (Strg+3): Schreiben werden daraus entworfen.</translation>
    </message>
    <message>
        <source>The decision ({outcome_label}) calls for no letter.</source>
        <translation>Die Entscheidung ({outcome_label}) erfordert kein Schreiben.</translation>
    </message>
    <message>
        <source>Decision: {outcome_label}. Draft the letter that answers it.</source>
        <translation>Entscheidung: {outcome_label}. Entwerfen Sie das Schreiben, das sie beantwortet.</translation>
    </message>
    <message>
        <source>Decision: {outcome}.</source>
        <translation>Entscheidung: {outcome}.</translation>
    </message>
    <message>
        <source>Draft a letter the decision allows</source>
        <translation>Ein Schreiben entwerfen, das die Entscheidung zulässt</translation>
    </message>
    <message>
        <source>Record a decision that calls for a letter first</source>
        <translation>Erfassen Sie zuerst eine Entscheidung, die ein Schreiben erfordert</translation>
    </message>
    <message>
        <source>Draft a letter to start.</source>
        <translation>Entwerfen Sie ein Schreiben, um zu beginnen.</translation>
    </message>
    <message>
        <source>No letter selected.</source>
        <translation>Kein Schreiben gewählt.</translation>
    </message>
    <message>
        <source>The letter cannot be shown: {exc}</source>
        <translation>Das Schreiben kann nicht angezeigt werden: {exc}</translation>
    </message>
    <message>
        <source>final, as stored</source>
        <translation>abgeschlossen, wie gespeichert</translation>
    </message>
    <message>
        <source>Final and locked since {when}. It cannot change: editing it makes a new revision and this one stays as it is.</source>
        <translation>Abgeschlossen und festgeschrieben seit {when}. Es kann sich nicht ändern: Bearbeiten erzeugt eine neue Fassung, und diese bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>New revision · unsaved</source>
        <translation>Neue Fassung · nicht gespeichert</translation>
    </message>
    <message>
        <source>New revision · no changes yet</source>
        <translation>Neue Fassung · noch keine Änderungen</translation>
    </message>
    <message>
        <source>Revision {revision} · final</source>
        <translation>Fassung {revision} · abgeschlossen</translation>
    </message>
    <message>
        <source>Revision {revision} · draft · unsaved</source>
        <translation>Fassung {revision} · Entwurf · nicht gespeichert</translation>
    </message>
    <message>
        <source>Revision {revision} · draft · saved</source>
        <translation>Fassung {revision} · Entwurf · gespeichert</translation>
    </message>
    <message>
        <source>preview rendered in {ms:.0f} ms</source>
        <translation>Vorschau in {ms:.0f} ms erzeugt</translation>
    </message>
    <message>
        <source>Editing a copy of final revision {revision}. Saving makes a new draft revision; revision {revision} stays final and unchanged.</source>
        <translation>Sie bearbeiten eine Kopie der abgeschlossenen Fassung {revision}. Speichern erzeugt eine neue Entwurfsfassung; Fassung {revision} bleibt abgeschlossen und unverändert.</translation>
    </message>
</context>
<context>
    <name>LockMixin</name>
    <message>
        <source>Demand Desk — {workstation} — locked</source>
        <translation>Demand Desk — {workstation} — gesperrt</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>Demo workstation: the passphrase is “{passphrase}”.</source>
        <translation>Demo-Arbeitsplatz: die Passphrase lautet „{passphrase}“.</translation>
    </message>
    <message>
        <source>Demo workstation: {reviewer}&apos;s PIN is {pin}.</source>
        <translation>Demo-Arbeitsplatz: die PIN von {reviewer} ist {pin}.</translation>
    </message>
    <message>
        <source>Cannot unlock</source>
        <translation>Entsperren nicht möglich</translation>
    </message>
    <message>
        <source>Keyring not available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>{error}

Use the workstation passphrase.</source>
        <translation>{error}

Verwenden Sie die Passphrase des Arbeitsplatzes.</translation>
    </message>
    <message>
        <source>Auto-lock: {minutes} min</source>
        <translation>Automatische Sperre: {minutes} Min.</translation>
    </message>
    <message>
        <source>Holiday calendars changed: 1 due date counted again (see the audit).</source>
        <translation>Feiertagskalender geändert: 1 Frist neu berechnet (siehe Prüfpfad).</translation>
    </message>
    <message>
        <source>Holiday calendars changed: {count} due dates counted again (see the audit).</source>
        <translation>Feiertagskalender geändert: {count} Fristen neu berechnet (siehe Prüfpfad).</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>Prüfer: {name}</translation>
    </message>
    <message>
        <source>Demand Desk — {workstation}{demo}</source>
        <translation>Demand Desk — {workstation}{demo}</translation>
    </message>
    <message>
        <source> (demo)</source>
        <translation> (Demo)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Demand Desk is locked</source>
        <extracomment>no input for the configured time. the reviewer asked to unlock.</extracomment>
        <translation>Demand Desk ist gesperrt</translation>
    </message>
    <message>
        <source>Case data is hidden and the case store is closed.</source>
        <translation>Falldaten sind verborgen, und der Fallspeicher ist geschlossen.</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Entsperren…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Facts</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fristen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Herausgabe</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>Demo workstation — synthetic demands only. Never put real cases here.</source>
        <translation>Demo-Arbeitsplatz — nur erfundene Ersuchen. Hier niemals echte Fälle erfassen.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Record a secrecy order</source>
        <translation>Geheimhaltungsanordnung erfassen</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Erlassen</translation>
    </message>
    <message>
        <source>Where it is</source>
        <translation>Wo sie steht</translation>
    </message>
    <message>
        <source>its page, or the separate order and its date</source>
        <translation>ihre Seite, oder die gesonderte Anordnung und ihr Datum</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Until further order</source>
        <translation>Bis auf Weiteres</translation>
    </message>
    <message>
        <source>e.g. 18 U.S.C. § 2705(b) (optional)</source>
        <translation>z. B. 18 U.S.C. § 2705(b) (freiwillig)</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Umfasst</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Your organisation</source>
        <extracomment>shown in the first-run step: what skipping it means</extracomment>
        <translation>Ihre Organisation</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&lt;b&gt;Who do you answer for?&lt;/b&gt; Demands are checked against these legal entities, and every letter is headed and signed with these details.</source>
        <translation>&lt;b&gt;Für wen antworten Sie?&lt;/b&gt; Ersuchen werden gegen diese Gesellschaften geprüft, und jedes Schreiben trägt diese Angaben in Briefkopf und Unterschrift.</translation>
    </message>
    <message>
        <source>Checked against every demand&apos;s addressee, and shared by every letter drafted from now on (final letters keep theirs). Tools ▸ Letterhead… sets the logo, page size and reference format.</source>
        <translation>Wird mit dem Adressaten jedes Ersuchens abgeglichen und gilt für jedes ab jetzt entworfene Schreiben (abgeschlossene Schreiben behalten ihre). Extras ▸ Briefkopf… legt Logo, Seitenformat und Aktenzeichenformat fest.</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <source>One per line. The first is the one letters are written from.</source>
        <translation>Eine pro Zeile. Schreiben gehen von der ersten aus.</translation>
    </message>
    <message>
        <source>How a reimbursement request asks to be paid; one line each.</source>
        <translation>Wie eine Erstattungsforderung die Zahlung erbittet; je eine Zeile.</translation>
    </message>
    <message>
        <source>One per line; letters come from the first.</source>
        <translation>Eine pro Zeile; Schreiben gehen von der ersten aus.</translation>
    </message>
    <message>
        <source>Legal entities</source>
        <translation>Gesellschaften</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Unterzeichnet von</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>Funktion des Unterzeichners</translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation>Zahlungsangaben</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Vorerst überspringen</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override checklist answer</source>
        <translation>Antwort der Prüfliste abweichend setzen</translation>
    </message>
    <message>
        <source>{item} · now {answer_label}</source>
        <translation>{item} · jetzt {answer_label}</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Why: what you checked, and where (kept in the audit trail)</source>
        <translation>Warum: was Sie geprüft haben, und wo (im Prüfpfad festgehalten)</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Abweichen</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Page thumbnails</source>
        <extracomment>the 0-based page now shown.</extracomment>
        <translation>Seitenvorschau</translation>
    </message>
    <message>
        <source>Open a demand with Ctrl+O, or drop a PDF here.</source>
        <translation>Öffnen Sie ein Ersuchen mit Strg+O, oder legen Sie hier ein PDF ab.</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Vorherige Seite (Bild auf)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Nächste Seite (Bild ab)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Fit width (Ctrl+0)</source>
        <translation>Breite anpassen (Strg+0)</translation>
    </message>
    <message>
        <source>Rotate left (Ctrl+Shift+R)</source>
        <translation>Nach links drehen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Rotate right (Ctrl+R)</source>
        <translation>Nach rechts drehen (Strg+R)</translation>
    </message>
    <message>
        <source>Show the OCR text over the scan (Ctrl+T)</source>
        <translation>Den OCR-Text über dem Scan zeigen (Strg+T)</translation>
    </message>
    <message>
        <source>/ {pageCount}</source>
        <translation>/ {pageCount}</translation>
    </message>
    <message>
        <source>{value:.0f} %</source>
        <translation>{value:.0f} %</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>The printer could not be started.</source>
        <translation>Der Drucker konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The printer refused a new page.</source>
        <translation>Der Drucker hat eine neue Seite abgelehnt.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queue</source>
        <extracomment>the case id (str) the reviewer selected, or &quot;&quot; when the selection is cleared. the case id (str) that was open and that a search or status filter now hides.</extracomment>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Search cases and their text…</source>
        <translation>Fälle und ihren Text durchsuchen…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Fälle suchen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>{shown} von {total} Fällen</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 Fall</translation>
    </message>
    <message>
        <source>{total} cases</source>
        <translation>{total} Fälle</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Gelesen als</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
</context>
<context>
    <name>ReasonsModel</name>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <source>Open demand</source>
        <translation>Ersuchen öffnen</translation>
    </message>
    <message>
        <source>The day this demand was served on us (post, fax, courier). Staleness and periods “from receipt” count from it; you can correct it later in the Facts tab.</source>
        <translation>Der Tag, an dem uns dieses Ersuchen zugestellt wurde (Post, Fax, Kurier). Verjährung und Fristen „ab Eingang“ zählen ab diesem Tag; Sie können ihn später auf dem Reiter Angaben korrigieren.</translation>
    </message>
    <message>
        <source>The day these {files} demands were served on us (post, fax, courier). Staleness and periods “from receipt” count from it; you can correct it later in the Facts tab.</source>
        <translation>Der Tag, an dem uns diese {files} Ersuchen zugestellt wurden (Post, Fax, Kurier). Verjährung und Fristen „ab Eingang“ zählen ab diesem Tag; Sie können ihn später auf dem Reiter Angaben korrigieren.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>&amp;Eingegangen:</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <source>Transparency report</source>
        <extracomment>the id (str) of a case to open in the main window: Enter or double-click in the cases list the Report (app.report.figures.Report) now shown, after every rebuild the path (pathlib.Path) of an export just written</extracomment>
        <translation>Transparenzbericht</translation>
    </message>
    <message>
        <source>Reading the record…</source>
        <translation>Bestand wird gelesen…</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Enterprise customers are reported when they bought more than this many seats</source>
        <translation>Unternehmenskunden werden gemeldet, wenn sie mehr als so viele Lizenzen gekauft haben</translation>
    </message>
    <message>
        <source>Enterprise &amp;seats over:</source>
        <translation>Unternehmens&amp;lizenzen über:</translation>
    </message>
    <message>
        <source>Count today&apos;s &amp;record</source>
        <translation>Heutigen &amp;Bestand zählen</translation>
    </message>
    <message>
        <source>The period is frozen: its published figures are shown. Tick to count what the store holds today.</source>
        <translation>Der Zeitraum ist abgeschlossen: seine veröffentlichten Zahlen werden gezeigt. Ankreuzen, um zu zählen, was der Speicher heute enthält.</translation>
    </message>
    <message>
        <source>{label} ({title}) — 1 case · frozen</source>
        <translation>{label} ({title}) — 1 Fall · festgeschrieben</translation>
    </message>
    <message>
        <source>{label} ({title}) — 1 case</source>
        <translation>{label} ({title}) — 1 Fall</translation>
    </message>
    <message>
        <source>{label} ({title}) — {cases:,} cases · frozen</source>
        <translation>{label} ({title}) — {cases:,} Fälle · festgeschrieben</translation>
    </message>
    <message>
        <source>{label} ({title}) — {cases:,} cases</source>
        <translation>{label} ({title}) — {cases:,} Fälle</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählen…</translation>
    </message>
    <message>
        <source>Counting 1 case…</source>
        <translation>1 Fall wird gezählt…</translation>
    </message>
    <message>
        <source>Counting {cases:,} cases…</source>
        <translation>{cases:,} Fälle werden gezählt…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; — {title}: demands &lt;b&gt;{value:,}&lt;/b&gt;, accounts concerned &lt;b&gt;{value2:,}&lt;/b&gt;. A case counts in the period in which it was received (UTC); select any figure to list its cases.</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; — {title}: Ersuchen &lt;b&gt;{value:,}&lt;/b&gt;, betroffene Konten &lt;b&gt;{value2:,}&lt;/b&gt;. Ein Fall zählt in dem Zeitraum, in dem er einging (UTC); wählen Sie eine Zahl, um ihre Fälle aufzulisten.</translation>
    </message>
    <message>
        <source>Counted 1 case of {label}.</source>
        <translation>1 Fall aus {label} gezählt.</translation>
    </message>
    <message>
        <source>Counted {len:,} cases of {label}.</source>
        <translation>{len:,} Fälle aus {label} gezählt.</translation>
    </message>
    <message>
        <source>Frozen on {frozen_at} by {frozen_by}: these are the published figures (1 case, enterprise threshold {seat_threshold} seats).</source>
        <translation>Festgeschrieben am {frozen_at} von {frozen_by}: dies sind die veröffentlichten Zahlen (1 Fall, Unternehmensschwelle {seat_threshold} Lizenzen).</translation>
    </message>
    <message>
        <source>Frozen on {frozen_at} by {frozen_by}: these are the published figures ({cases:,} cases, enterprise threshold {seat_threshold} seats).</source>
        <translation>Festgeschrieben am {frozen_at} von {frozen_by}: dies sind die veröffentlichten Zahlen ({cases:,} Fälle, Unternehmensschwelle {seat_threshold} Lizenzen).</translation>
    </message>
    <message>
        <source>{named} and {value} more</source>
        <translation>{named} und {value} weitere</translation>
    </message>
    <message>
        <source>⚠ 1 case changed since {label} was frozen: {named}. Not silently reflected: the figures below are as published.</source>
        <translation>⚠ 1 Fall seit dem Festschreiben von {label} geändert: {named}. Nicht stillschweigend übernommen: die Zahlen unten sind die veröffentlichten.</translation>
    </message>
    <message>
        <source>⚠ {len} cases changed since {label} was frozen: {named}. Not silently reflected: the figures below are as published.</source>
        <translation>⚠ {len} Fälle seit dem Festschreiben von {label} geändert: {named}. Nicht stillschweigend übernommen: die Zahlen unten sind die veröffentlichten.</translation>
    </message>
    <message>
        <source>⚠ 1 case changed since {label} was frozen: {named}. Not silently reflected: the figures below count today&apos;s record.</source>
        <translation>⚠ 1 Fall seit dem Festschreiben von {label} geändert: {named}. Nicht stillschweigend übernommen: die Zahlen unten sind aus dem heutigen Bestand gezählt.</translation>
    </message>
    <message>
        <source>⚠ {len} cases changed since {label} was frozen: {named}. Not silently reflected: the figures below count today&apos;s record.</source>
        <translation>⚠ {len} Fälle seit dem Festschreiben von {label} geändert: {named}. Nicht stillschweigend übernommen: die Zahlen unten sind aus dem heutigen Bestand gezählt.</translation>
    </message>
    <message>
        <source>The report could not be counted: {exc}</source>
        <translation>Der Bericht konnte nicht gezählt werden: {exc}</translation>
    </message>
    <message>
        <source>Note: {n}</source>
        <translation>Hinweis: {n}</translation>
    </message>
    <message>
        <source>Frozen period, counted from today&apos;s record (not the published figures).</source>
        <translation>Abgeschlossener Zeitraum, aus dem heutigen Bestand gezählt (nicht die veröffentlichten Zahlen).</translation>
    </message>
    <message>
        <source>Write these figures as CSV, JSON or PDF (audited)</source>
        <translation>Diese Zahlen als CSV, JSON oder PDF schreiben (protokolliert)</translation>
    </message>
    <message>
        <source>&lt;b&gt;These figures do not reconcile, so they cannot be exported.&lt;/b&gt; Correct the cases named below, then count again:&lt;br&gt;{lines}</source>
        <translation>&lt;b&gt;Diese Zahlen gehen nicht auf und können daher nicht exportiert werden.&lt;/b&gt; Korrigieren Sie die unten genannten Fälle und zählen Sie erneut:&lt;br&gt;{lines}</translation>
    </message>
    <message>
        <source>Export is off: the figures do not reconcile (see the cases named).</source>
        <translation>Export gesperrt: die Zahlen gehen nicht auf (siehe die genannten Fälle).</translation>
    </message>
</context>
<context>
    <name>ReviewersDialog</name>
    <message>
        <source>Reviewers</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Enrolled by</source>
        <translation>Aufgenommen von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Enrol…</source>
        <translation>&amp;Aufnehmen…</translation>
    </message>
    <message>
        <source>Set PIN &amp;here…</source>
        <translation>PIN &amp;hier festlegen…</translation>
    </message>
    <message>
        <source>For a reviewer enrolled on another workstation of the team</source>
        <translation>Für einen Prüfer, der an einem anderen Arbeitsplatz des Teams aufgenommen wurde</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>&amp;Rolle ändern…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Only an administrator enrols, removes or changes the role of a reviewer, with their own PIN. Removed reviewers stay listed: what they did and approved stands.</source>
        <translation>Nur ein Administrator nimmt Prüfer auf, entfernt sie oder ändert ihre Rolle, mit der eigenen PIN. Entfernte Prüfer bleiben aufgeführt: was sie getan und genehmigt haben, bleibt bestehen.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Left {left}</source>
        <translation>Ausgeschieden {left}</translation>
    </message>
    <message>
        <source> · from {origin}</source>
        <translation> · von {origin}</translation>
    </message>
    <message>
        <source> · no PIN here yet</source>
        <translation> · hier noch keine PIN</translation>
    </message>
    <message>
        <source>set up this workstation</source>
        <translation>hat diesen Arbeitsplatz eingerichtet</translation>
    </message>
    <message>
        <source>Enrolled {name} as {lower}.</source>
        <translation>{name} als {lower} aufgenommen.</translation>
    </message>
    <message>
        <source>Select a reviewer whose status says “no PIN here yet”.</source>
        <translation>Wählen Sie einen Prüfer, dessen Status „hier noch keine PIN“ lautet.</translation>
    </message>
    <message>
        <source>{name} may now sign in here, as {lower}.</source>
        <translation>{name} darf sich jetzt hier anmelden, als {lower}.</translation>
    </message>
    <message>
        <source>Select a reviewer first.</source>
        <translation>Wählen Sie zuerst einen Prüfer.</translation>
    </message>
    <message>
        <source>Removed {name}; what they did and approved stays in the record.</source>
        <translation>{name} entfernt; was er getan und genehmigt hat, bleibt im Bestand.</translation>
    </message>
</context>
<context>
    <name>ScopeEditor</name>
    <message>
        <source>From</source>
        <extracomment>the reviewer changed the scope.</extracomment>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>First day in scope</source>
        <translation>Erster Tag im Umfang</translation>
    </message>
    <message>
        <source>Last day in scope</source>
        <translation>Letzter Tag im Umfang</translation>
    </message>
    <message>
        <source>Untick for no limit on this side</source>
        <translation>Abwählen für keine Grenze auf dieser Seite</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Identifier {value}</source>
        <translation>Kennung {value}</translation>
    </message>
    <message>
        <source>The demand names no identifier.</source>
        <translation>Das Ersuchen nennt keine Kennung.</translation>
    </message>
    <message>
        <source>1 identifier redacted or unreadable: never in scope.</source>
        <translation>1 Kennung geschwärzt oder unleserlich: nie im Umfang.</translation>
    </message>
    <message>
        <source>{count} identifiers redacted or unreadable: never in scope.</source>
        <translation>{count} Kennungen geschwärzt oder unleserlich: nie im Umfang.</translation>
    </message>
    <message>
        <source>{label} (content)</source>
        <translation>{label} (Inhalt)</translation>
    </message>
    <message>
        <source>Category {category}</source>
        <translation>Kategorie {category}</translation>
    </message>
    <message>
        <source>The demand names no data category.</source>
        <translation>Das Ersuchen nennt keine Datenkategorie.</translation>
    </message>
</context>
<context>
    <name>SetUpDialog</name>
    <message>
        <source>Set up Demand Desk</source>
        <translation>Demand Desk einrichten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome.&lt;/b&gt; Everything about a case is kept in one encrypted file in&lt;br&gt;&lt;code&gt;{data_dir}&lt;/code&gt;.&lt;br&gt;Choose how its key is protected, and who you are.</source>
        <translation>&lt;b&gt;Willkommen.&lt;/b&gt; Alles zu einem Fall liegt in einer verschlüsselten Datei in&lt;br&gt;&lt;code&gt;{data_dir}&lt;/code&gt;.&lt;br&gt;Wählen Sie, wie ihr Schlüssel geschützt wird, und wer Sie sind.</translation>
    </message>
    <message>
        <source>e.g. legal-ws-03</source>
        <translation>z. B. legal-ws-03</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>at least {count} digits</source>
        <translation>mindestens {count} Ziffern</translation>
    </message>
    <message>
        <source>again</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keyring (unlock with your PIN)</source>
        <translation>Den Schlüssel im Schlüsselbund dieses Computers aufbewahren (Entsperren mit Ihrer PIN)</translation>
    </message>
    <message>
        <source>Protect the key with a workstation passphrase</source>
        <translation>Den Schlüssel mit einer Passphrase des Arbeitsplatzes schützen</translation>
    </message>
    <message>
        <source>No OS keyring is available in this session.</source>
        <translation>In dieser Sitzung ist kein Schlüsselbund des Betriebssystems verfügbar.</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>With the keyring, a passphrase is optional: it is the way back in if the keyring is reset.</source>
        <translation>Mit dem Schlüsselbund ist eine Passphrase freiwillig: sie ist der Weg zurück, falls der Schlüsselbund zurückgesetzt wird.</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>Name des Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Ihre PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <source>Name this workstation.</source>
        <translation>Benennen Sie diesen Arbeitsplatz.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Geben Sie Ihren Namen ein.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.</source>
        <translation>Die Passphrase braucht mindestens {MIN_PASSPHRASE_LENGTH} Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Stop sync</source>
        <extracomment>cases whose data changed here (received, or a conflict settled): the window reshows them. a short message for the status bar. the team&apos;s roster changed: the signed-in reviewer may have a new role, or have been removed.</extracomment>
        <translation>Synchronisierung anhalten</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Publish changed cases to the shared folder and receive others&apos;</source>
        <translation>Geänderte Fälle im Freigabeordner veröffentlichen und die der anderen empfangen</translation>
    </message>
    <message>
        <source>Sync setti&amp;ngs…</source>
        <translation>Synchronisierungs&amp;einstellungen…</translation>
    </message>
    <message>
        <source>The shared folder, and how often to sync with it</source>
        <translation>Der Freigabeordner und wie oft mit ihm synchronisiert wird</translation>
    </message>
    <message>
        <source>Settle sync &amp;conflict…</source>
        <translation>Synchronisations&amp;konflikt lösen…</translation>
    </message>
    <message>
        <source>Choose between two versions of a case</source>
        <translation>Zwischen zwei Fassungen eines Falls wählen</translation>
    </message>
    <message>
        <source>&amp;Export case bundle…</source>
        <translation>Fallpaket e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the case, encrypted, to a folder</source>
        <translation>Den Fall verschlüsselt in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>&amp;Team key…</source>
        <translation>&amp;Teamschlüssel…</translation>
    </message>
    <message>
        <source>Make, join, export or rotate the key of the case bundles</source>
        <translation>Den Schlüssel der Fallpakete erstellen, beitreten, exportieren oder wechseln</translation>
    </message>
    <message>
        <source>&amp;Import case bundle…</source>
        <translation>Fallpaket &amp;importieren…</translation>
    </message>
    <message>
        <source>Take in a case bundle (.ddb)</source>
        <translation>Ein Fallpaket (.ddb) übernehmen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Syncing with {folder}</source>
        <translation>Synchronisiere mit {folder}</translation>
    </message>
    <message>
        <source>Sync {done}/{total}</source>
        <translation>Synchronisierung {done}/{total}</translation>
    </message>
    <message>
        <source>Unexpected error: {kind}: {error}</source>
        <translation>Unerwarteter Fehler: {kind}: {error}</translation>
    </message>
    <message>
        <source>Sync stopped; nothing was half-done.</source>
        <translation>Synchronisierung angehalten; nichts blieb halb erledigt.</translation>
    </message>
    <message>
        <source>Sync finished with problems</source>
        <translation>Synchronisierung mit Problemen beendet</translation>
    </message>
    <message>
        <source>Sync did not run</source>
        <translation>Synchronisierung nicht gelaufen</translation>
    </message>
    <message>
        <source>Sync: off</source>
        <translation>Synchronisierung: aus</translation>
    </message>
    <message>
        <source>No shared folder chosen (Sync ▸ Sync settings…).</source>
        <translation>Kein Freigabeordner gewählt (Synchronisieren ▸ Synchronisierungseinstellungen…).</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Shared folder: {folder}</source>
        <translation>Freigabeordner: {folder}</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Synchronisiert {time}</translation>
    </message>
    <message>
        <source>Sync failed {time}</source>
        <translation>Synchronisierung fehlgeschlagen {time}</translation>
    </message>
    <message>
        <source>Last sync {when} with {folder}</source>
        <translation>Letzte Synchronisierung {when} mit {folder}</translation>
    </message>
    <message>
        <source>1 file refused</source>
        <translation>1 Datei abgelehnt</translation>
    </message>
    <message>
        <source>{count} files refused</source>
        <translation>{count} Dateien abgelehnt</translation>
    </message>
    <message>
        <source>Automatically every {minutes} min while the folder is reachable.</source>
        <translation>Automatisch alle {minutes} Min., solange der Ordner erreichbar ist.</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 Konflikt</translation>
    </message>
    <message>
        <source>{count} conflicts</source>
        <translation>{count} Konflikte</translation>
    </message>
    <message>
        <source>Click to settle: {cases}</source>
        <translation>Zum Lösen klicken: {cases}</translation>
    </message>
    <message>
        <source>none yet — {why}</source>
        <translation>noch keiner — {why}</translation>
    </message>
    <message>
        <source>{key}… (and 1 older, still read)</source>
        <translation>{key}… (und 1 älterer, weiterhin lesbar)</translation>
    </message>
    <message>
        <source>{key}… (and {count} older, still read)</source>
        <translation>{key}… (und {count} ältere, weiterhin lesbar)</translation>
    </message>
    <message>
        <source>Sync settings saved.</source>
        <translation>Synchronisierungseinstellungen gespeichert.</translation>
    </message>
    <message>
        <source>No sync conflicts to settle.</source>
        <translation>Keine Synchronisationskonflikte zu lösen.</translation>
    </message>
    <message>
        <source>Cannot show the conflict</source>
        <translation>Der Konflikt kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Conflict not settled</source>
        <translation>Konflikt nicht gelöst</translation>
    </message>
    <message>
        <source>Kept mine for {reference}; the other workstations get it at the next sync.</source>
        <translation>Für {reference} die eigene Seite behalten; die anderen Arbeitsplätze erhalten sie bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Kept theirs for {reference}; the other workstations get it at the next sync.</source>
        <translation>Für {reference} die andere Seite behalten; die anderen Arbeitsplätze erhalten sie bei der nächsten Synchronisierung.</translation>
    </message>
</context>
<context>
    <name>SyncPrefsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>Synchronisierungseinstellungen</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Freigabeordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every</source>
        <translation>&amp;Automatisch synchronisieren alle</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Cases travel encrypted with the team key as one file per version under &lt;i&gt;demand-desk/cases/&lt;/i&gt; in this folder. Automatic sync runs only while the folder is reachable and the workstation is unlocked.</source>
        <translation>Fälle reisen mit dem Teamschlüssel verschlüsselt, als eine Datei je Fassung unter &lt;i&gt;demand-desk/cases/&lt;/i&gt; in diesem Ordner. Die automatische Synchronisierung läuft nur, solange der Ordner erreichbar und der Arbeitsplatz entsperrt ist.</translation>
    </message>
    <message>
        <source>Shared &amp;folder:</source>
        <translation>&amp;Freigabeordner:</translation>
    </message>
    <message>
        <source>Team key:</source>
        <translation>Teamschlüssel:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>TeamAccess</name>
    <message>
        <source>This workstation has no team key yet. Make it on the first workstation (Sync ▸ Team key…), export a key file there, and join with that file on the others.</source>
        <translation>Dieser Arbeitsplatz hat noch keinen Teamschlüssel. Erstellen Sie ihn am ersten Arbeitsplatz (Synchronisieren ▸ Teamschlüssel…), exportieren Sie dort eine Schlüsseldatei und treten Sie mit dieser Datei an den anderen bei.</translation>
    </message>
    <message>
        <source>Sync: no team key</source>
        <translation>Synchronisierung: kein Teamschlüssel</translation>
    </message>
    <message>
        <source>The team key cannot be used</source>
        <translation>Der Teamschlüssel kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Unlock the team key</source>
        <translation>Den Teamschlüssel entsperren</translation>
    </message>
    <message>
        <source>The team key is protected by the workstation passphrase.</source>
        <translation>Der Teamschlüssel ist durch die Passphrase des Arbeitsplatzes geschützt.</translation>
    </message>
    <message>
        <source>Workstation passphrase</source>
        <translation>Passphrase des Arbeitsplatzes</translation>
    </message>
    <message>
        <source>The team key is kept under the workstation passphrase.</source>
        <translation>Der Teamschlüssel wird unter der Passphrase des Arbeitsplatzes aufbewahrt.</translation>
    </message>
    <message>
        <source>No team key</source>
        <translation>Kein Teamschlüssel</translation>
    </message>
    <message>
        <source>&amp;Make a team key…</source>
        <translation>Teamschlüssel &amp;erstellen…</translation>
    </message>
    <message>
        <source>&amp;Join with a key file…</source>
        <translation>Mit einer Schlüsseldatei &amp;beitreten…</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TeamKeyDialog</name>
    <message>
        <source>Team key files (*.key);;All files (*)</source>
        <translation>Teamschlüsseldateien (*.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Team key</source>
        <translation>Teamschlüssel</translation>
    </message>
    <message>
        <source>Case bundles are encrypted for the team key. The first workstation makes it; the others join with a key file carried on removable media. Rotating makes a new key for new bundles; older bundles still open.</source>
        <translation>Fallpakete werden für den Teamschlüssel verschlüsselt. Der erste Arbeitsplatz erstellt ihn; die anderen treten mit einer Schlüsseldatei bei, die auf einem Wechseldatenträger überbracht wird. Ein Wechsel erstellt einen neuen Schlüssel für neue Pakete; ältere Pakete lassen sich weiterhin öffnen.</translation>
    </message>
    <message>
        <source>&amp;Make a team key</source>
        <translation>Teamschlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Join with a key file…</source>
        <translation>Mit einer Schlüsseldatei &amp;beitreten…</translation>
    </message>
    <message>
        <source>E&amp;xport a key file…</source>
        <translation>Schlüsseldatei e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Rotate…</source>
        <translation>&amp;Wechseln…</translation>
    </message>
    <message>
        <source>&amp;Admit…</source>
        <translation>&amp;Aufnehmen…</translation>
    </message>
    <message>
        <source>Admit a workstation that asked to join the team&apos;s roster</source>
        <translation>Einen Arbeitsplatz aufnehmen, der um Aufnahme in die Teamliste gebeten hat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&lt;b&gt;No team key yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Noch kein Teamschlüssel.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Team key&lt;/b&gt; {key}</source>
        <translation>&lt;b&gt;Teamschlüssel&lt;/b&gt; {key}</translation>
    </message>
    <message>
        <source>none (unlock with the passphrase once to make one)</source>
        <translation>keiner (einmal mit der Passphrase entsperren, um einen zu erstellen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{workstation}&lt;/b&gt;&apos;s signing key fingerprint: &lt;tt&gt;{fingerprint}&lt;/tt&gt;</source>
        <translation>Fingerabdruck des Signaturschlüssels von &lt;b&gt;{workstation}&lt;/b&gt;: &lt;tt&gt;{fingerprint}&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Not admitted to the team roster yet: an administrator on another workstation admits {workstation} after its first sync.</source>
        <translation>Noch nicht in die Teamliste aufgenommen: Eine Administratorin oder ein Administrator an einem anderen Arbeitsplatz nimmt {workstation} nach seiner ersten Synchronisierung auf.</translation>
    </message>
    <message>
        <source>1 older key kept for older bundles.</source>
        <translation>1 älterer Schlüssel für ältere Pakete aufbewahrt.</translation>
    </message>
    <message>
        <source>{count} older keys kept for older bundles.</source>
        <translation>{count} ältere Schlüssel für ältere Pakete aufbewahrt.</translation>
    </message>
    <message>
        <source>1 workstation asks to join: Admit…</source>
        <translation>1 Arbeitsplatz bittet um Aufnahme: Aufnehmen…</translation>
    </message>
    <message>
        <source>{count} workstations ask to join: Admit…</source>
        <translation>{count} Arbeitsplätze bitten um Aufnahme: Aufnehmen…</translation>
    </message>
    <message>
        <source>Making the team key…</source>
        <translation>Teamschlüssel wird erstellt…</translation>
    </message>
    <message>
        <source>No workstation asks to join. A new one asks with its first sync; sync here.</source>
        <translation>Kein Arbeitsplatz bittet um Aufnahme. Ein neuer bittet mit seiner ersten Synchronisierung darum; synchronisieren Sie hier.</translation>
    </message>
    <message>
        <source>Admitted {workstation} (fingerprint {fingerprint}); the other workstations accept its bundles once this one&apos;s next sync publishes the roster.</source>
        <translation>{workstation} aufgenommen (Fingerabdruck {fingerprint}); die anderen Arbeitsplätze nehmen seine Pakete an, sobald die nächste Synchronisierung dieses Arbeitsplatzes die Teamliste veröffentlicht.</translation>
    </message>
    <message>
        <source>Rotate the team key</source>
        <translation>Den Teamschlüssel wechseln</translation>
    </message>
    <message>
        <source>Make a new team key? New bundles will be encrypted for it only: export a key file and give it to every other workstation. Older bundles still open everywhere.</source>
        <translation>Einen neuen Teamschlüssel erstellen? Neue Pakete werden nur noch für ihn verschlüsselt: Exportieren Sie eine Schlüsseldatei und geben Sie sie jedem anderen Arbeitsplatz. Ältere Pakete lassen sich überall weiterhin öffnen.</translation>
    </message>
    <message>
        <source>Making the new key…</source>
        <translation>Der neue Schlüssel wird erstellt…</translation>
    </message>
    <message>
        <source>Export the team key file</source>
        <translation>Die Teamschlüsseldatei exportieren</translation>
    </message>
    <message>
        <source>Protecting the key file (a few seconds)…</source>
        <translation>Die Schlüsseldatei wird geschützt (einige Sekunden)…</translation>
    </message>
    <message>
        <source>Wrote the team key file {file}.</source>
        <translation>Die Teamschlüsseldatei {file} wurde geschrieben.</translation>
    </message>
    <message>
        <source>Join with a team key file</source>
        <translation>Mit einer Teamschlüsseldatei beitreten</translation>
    </message>
    <message>
        <source>Opening the key file (a few seconds)…</source>
        <translation>Die Schlüsseldatei wird geöffnet (einige Sekunden)…</translation>
    </message>
    <message>
        <source>Joined the team. Other workstations accept this one&apos;s bundles once an administrator admits it, after its first sync.</source>
        <translation>Dem Team beigetreten. Andere Arbeitsplätze nehmen die Pakete dieses Arbeitsplatzes an, sobald eine Administratorin oder ein Administrator ihn nach seiner ersten Synchronisierung aufnimmt.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {number}</source>
        <translation>Seite {number}</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Nothing</source>
        <extracomment>the same red and amber as the queue&apos;s due dates (ui/common/style.py: one red, one amber)</extracomment>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>bald fällig</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>What needs you today</source>
        <extracomment>the case id (str) of the item the reviewer clicked or pressed Enter on.</extracomment>
        <translation>Was heute ansteht</translation>
    </message>
    <message>
        <source>As of {as_of}</source>
        <translation>Stand: {as_of}</translation>
    </message>
</context>
<context>
    <name>ToolsMixin</name>
    <message>
        <source>Audit trail</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>The audit trail is whole: {events} events, every hash checks, and every decision, approval, final letter and correction in the cases has its event.</source>
        <translation>Der Prüfpfad ist vollständig: {events} Ereignisse, jeder Hash stimmt, und jede Entscheidung, Genehmigung, jedes abgeschlossene Schreiben und jede Korrektur in den Fällen hat ihr Ereignis.</translation>
    </message>
    <message>
        <source>
… and {count} more (demand-desk audit verify lists them all).</source>
        <translation>
… und {count} weitere (demand-desk audit verify listet alle auf).</translation>
    </message>
    <message>
        <source>Audit trail does not verify</source>
        <translation>Prüfpfad lässt sich nicht verifizieren</translation>
    </message>
    <message>
        <source>The audit trail and the cases disagree in 1 place. Tell your security team before changing anything else.</source>
        <translation>Prüfpfad und Fälle widersprechen sich an 1 Stelle. Informieren Sie Ihr Sicherheitsteam, bevor Sie etwas anderes ändern.</translation>
    </message>
    <message>
        <source>The audit trail and the cases disagree in {count} places. Tell your security team before changing anything else.</source>
        <translation>Prüfpfad und Fälle widersprechen sich an {count} Stellen. Informieren Sie Ihr Sicherheitsteam, bevor Sie etwas anderes ändern.</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Automatisch sperren</translation>
    </message>
    <message>
        <source>Lock after this many minutes without input:</source>
        <translation>Sperren nach so vielen Minuten ohne Eingabe:</translation>
    </message>
    <message>
        <source>Auto-lock: {minutes} min</source>
        <translation>Automatische Sperre: {minutes} Min.</translation>
    </message>
    <message>
        <source>Secrecy order review cycle</source>
        <translation>Prüfzyklus für Geheimhaltungsanordnungen</translation>
    </message>
    <message>
        <source>Bring an open-ended secrecy order back for reconsideration every (days):</source>
        <translation>Eine unbefristete Geheimhaltungsanordnung erneut zur Prüfung vorlegen alle (Tage):</translation>
    </message>
    <message>
        <source>Open-ended secrecy orders come back every {days} days.</source>
        <translation>Unbefristete Geheimhaltungsanordnungen werden alle {days} Tage erneut vorgelegt.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>This workstation keeps its key in the OS keyring and has no passphrase.</source>
        <translation>Dieser Arbeitsplatz bewahrt seinen Schlüssel im Schlüsselbund des Betriebssystems auf und hat keine Passphrase.</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Passphrase geändert.</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Open a case to print its summary or one of its letters.</source>
        <translation>Öffnen Sie einen Fall, um seine Zusammenfassung oder eines seiner Schreiben zu drucken.</translation>
    </message>
    <message>
        <source>Nothing was printed</source>
        <translation>Nichts gedruckt</translation>
    </message>
    <message>
        <source>Printed {title}.</source>
        <translation>{title} gedruckt.</translation>
    </message>
    <message>
        <source>Organisation saved: letters drafted from now on show it.</source>
        <translation>Organisation gespeichert: ab jetzt entworfene Schreiben zeigen sie.</translation>
    </message>
    <message>
        <source>Open a case first: costs are kept per case.</source>
        <translation>Öffnen Sie zuerst einen Fall: Kosten werden je Fall geführt.</translation>
    </message>
    <message>
        <source>Cost recovery</source>
        <translation>Kostenerstattung</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Briefkopf</translation>
    </message>
    <message>
        <source>Letters are not available: {error}</source>
        <translation>Schreiben sind nicht verfügbar: {error}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Demands</source>
        <translation>Ersuchen</translation>
    </message>
    <message>
        <source>Data disclosed</source>
        <translation>Daten herausgegeben</translation>
    </message>
    <message>
        <source>✓ published (frozen)</source>
        <translation>✓ veröffentlicht (festgeschrieben)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Demand Desk</source>
        <translation>Demand Desk entsperren</translation>
    </message>
    <message>
        <source>&lt;b&gt;{workstation}&lt;/b&gt; is locked.</source>
        <translation>&lt;b&gt;{workstation}&lt;/b&gt; ist gesperrt.</translation>
    </message>
    <message>
        <source>workstation passphrase</source>
        <translation>Passphrase des Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Workstation passphrase</source>
        <translation>Passphrase des Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Demand Desk</source>
        <translation>Willkommen bei Demand Desk</translation>
    </message>
    <message>
        <source>%v of %m demands read</source>
        <translation>%v von %m Ersuchen gelesen</translation>
    </message>
    <message>
        <source>Demo set-up progress</source>
        <translation>Fortschritt beim Einrichten der Demo</translation>
    </message>
    <message>
        <source>Creating the encrypted store…</source>
        <translation>Verschlüsselter Speicher wird angelegt…</translation>
    </message>
    <message>
        <source>When it opens, unlock with the passphrase “{DEMO_PASSPHRASE}” and sign in as {DEMO_REVIEWER} (PIN {DEMO_PIN}). The demo holds synthetic cases only.</source>
        <translation>Entsperren Sie nach dem Öffnen mit der Passphrase „{DEMO_PASSPHRASE}“ und melden Sie sich als {DEMO_REVIEWER} an (PIN {DEMO_PIN}). Die Demo enthält nur erfundene Fälle.</translation>
    </message>
    <message>
        <source>Reading demand {done} of {total} ({name}): OCR, then its facts…</source>
        <translation>Ersuchen {done} von {total} wird gelesen ({name}): Texterkennung, dann seine Angaben…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
</context>
<context>
    <name>_Chart</name>
    <message>
        <source>No demands in this period.</source>
        <translation>Keine Ersuchen in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>_RoleDialog</name>
    <message>
        <source>Remove {name}</source>
        <translation>{name} entfernen</translation>
    </message>
    <message>
        <source>Change {name}&apos;s role</source>
        <translation>Rolle von {name} ändern</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>{name} will no longer sign in or approve here. Their record stays.</source>
        <translation>{name} kann sich hier nicht mehr anmelden oder genehmigen. Der Bestand bleibt.</translation>
    </message>
    <message>
        <source>{name}&apos;s new role</source>
        <translation>Neue Rolle von {name}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
</context>
<context>
    <name>approval</name>
    <message>
        <source>Record a disclosure?</source>
        <translation>Herausgabe erfassen?</translation>
    </message>
    <message>
        <source>{outcome_words}. Once a second reviewer approves, this leaves:

</source>
        <translation>{outcome_words}. Sobald ein zweiter Prüfer genehmigt, wird herausgegeben:

</translation>
    </message>
    <message>
        <source>Record for approval</source>
        <translation>Zur Genehmigung erfassen</translation>
    </message>
    <message>
        <source>Decision not recorded</source>
        <translation>Entscheidung nicht erfasst</translation>
    </message>
    <message>
        <source>As a senior reviewer you may record it anyway; the reason is audited.</source>
        <translation>Als leitender Prüfer dürfen Sie sie trotzdem erfassen; die Begründung wird protokolliert.</translation>
    </message>
    <message>
        <source>Override with a reason…</source>
        <translation>Mit Begründung übergehen…</translation>
    </message>
    <message>
        <source>Override with a reason</source>
        <translation>Mit Begründung übergehen</translation>
    </message>
    <message>
        <source>Why this decision stands despite the refusal (audited):</source>
        <translation>Warum diese Entscheidung trotz der Ablehnung bestehen bleibt (protokolliert):</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Vorheriger Hash</translation>
    </message>
</context>
<context>
    <name>checklist</name>
    <message>
        <source>the reviewer</source>
        <translation>dem Prüfer</translation>
    </message>
    <message>
        <source>the checklist</source>
        <translation>der Prüfliste</translation>
    </message>
    <message>
        <source>&lt;p&gt;Answer: &lt;b&gt;{e}&lt;/b&gt;, by {who}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Antwort: &lt;b&gt;{e}&lt;/b&gt;, von {who}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Policy: “{rule}”&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Regelwerk: „{rule}“&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#5f6368&apos;&gt;The policy pack gives no question for this item.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5f6368&apos;&gt;Das Regelwerk stellt zu diesem Punkt keine Frage.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>conflict_dialog</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Page text</source>
        <translation>Seitentext</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Betroffene Kennung</translation>
    </message>
    <message>
        <source>Data asked for</source>
        <translation>Angeforderte Daten</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>Review context</source>
        <translation>Prüfungskontext</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Secrecy order</source>
        <translation>Geheimhaltungsanordnung</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Deadline change</source>
        <translation>Friständerung</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>revision {number}</source>
        <translation>Fassung {number}</translation>
    </message>
    <message>
        <source> — by {name}</source>
        <translation> — von {name}</translation>
    </message>
    <message>
        <source> — as read</source>
        <translation> — wie gelesen</translation>
    </message>
    <message>
        <source>Workstation: {name}</source>
        <translation>Arbeitsplatz: {name}</translation>
    </message>
    <message>
        <source>Last changed by: {name}</source>
        <translation>Zuletzt geändert von: {name}</translation>
    </message>
    <message>
        <source>Version made: {when}</source>
        <translation>Fassung erstellt: {when}</translation>
    </message>
    <message>
        <source>Has changes not yet synced</source>
        <translation>Hat noch nicht synchronisierte Änderungen</translation>
    </message>
    <message>
        <source>Audit events only here: {count}</source>
        <translation>Protokollereignisse nur hier: {count}</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>{count} published</source>
        <translation>{count} veröffentlicht</translation>
    </message>
    <message>
        <source>{count} received</source>
        <translation>{count} empfangen</translation>
    </message>
    <message>
        <source>1 conflict to settle</source>
        <translation>1 Konflikt zu lösen</translation>
    </message>
    <message>
        <source>{count} conflicts to settle</source>
        <translation>{count} Konflikte zu lösen</translation>
    </message>
    <message>
        <source>1 roster change</source>
        <translation>1 Änderung der Teamliste</translation>
    </message>
    <message>
        <source>{count} roster changes</source>
        <translation>{count} Änderungen der Teamliste</translation>
    </message>
    <message>
        <source>1 file refused</source>
        <translation>1 Datei abgelehnt</translation>
    </message>
    <message>
        <source>{count} files refused</source>
        <translation>{count} Dateien abgelehnt</translation>
    </message>
    <message>
        <source>1 audit trail problem</source>
        <translation>1 Problem im Prüfpfad</translation>
    </message>
    <message>
        <source>{count} audit trail problems</source>
        <translation>{count} Probleme im Prüfpfad</translation>
    </message>
    <message>
        <source>Synced: {parts}</source>
        <translation>Synchronisiert: {parts}</translation>
    </message>
    <message>
        <source>Synced: nothing to do</source>
        <translation>Synchronisiert: nichts zu tun</translation>
    </message>
</context>
<context>
    <name>cost</name>
    <message>
        <source>{jurisdiction} rate table {value}, in {currency}</source>
        <translation>Gebührentabelle {jurisdiction} {value}, in {currency}</translation>
    </message>
    <message>
        <source>No rate table prices this case&apos;s country</source>
        <translation>Keine Gebührentabelle gilt für das Land dieses Falls</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>nicht entschieden</translation>
    </message>
    <message>
        <source>sought on {decided_on} by {decided_by}</source>
        <translation>verlangt am {decided_on} von {decided_by}</translation>
    </message>
    <message>
        <source>waived on {decided_on} by {decided_by}</source>
        <translation>erlassen am {decided_on} von {decided_by}</translation>
    </message>
    <message>
        <source>Invoice unpaid</source>
        <translation>Rechnung offen</translation>
    </message>
    <message>
        <source>Invoice paid</source>
        <translation>Rechnung bezahlt</translation>
    </message>
    <message>
        <source>Invoice paid on {on}</source>
        <translation>Rechnung bezahlt am {on}</translation>
    </message>
    <message>
        <source>Invoice written off</source>
        <translation>Rechnung abgeschrieben</translation>
    </message>
    <message>
        <source>Invoice written off on {on}</source>
        <translation>Rechnung abgeschrieben am {on}</translation>
    </message>
</context>
<context>
    <name>decision</name>
    <message>
        <source>Because:&lt;ul style=&apos;margin-left:-20px&apos;&gt;</source>
        <translation>Weil:&lt;ul style=&apos;margin-left:-20px&apos;&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;span style=&apos;color:#8a5a00&apos;&gt;Still open ({len}), for you to answer:&lt;/span&gt; {items}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;span style=&apos;color:#8a5a00&apos;&gt;Noch offen ({len}), von Ihnen zu beantworten:&lt;/span&gt; {items}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#5f6368&apos;&gt;Recommended scope: {e}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5f6368&apos;&gt;Empfohlener Umfang: {e}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>disclosure</name>
    <message>
        <source>none listed</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Emergency disclosure without legal process</source>
        <translation>Notfall-Herausgabe ohne förmliches Ersuchen</translation>
    </message>
    <message>
        <source>Voluntary disclosure without legal process</source>
        <translation>Freiwillige Herausgabe ohne förmliches Ersuchen</translation>
    </message>
    <message>
        <source>Ground: {ground}</source>
        <translation>Grund: {ground}</translation>
    </message>
    <message>
        <source>Disclosed to: {recipient}</source>
        <translation>Herausgegeben an: {recipient}</translation>
    </message>
    <message>
        <source>On: {day}</source>
        <translation>Am: {day}</translation>
    </message>
    <message>
        <source>Identifiers: {who}</source>
        <translation>Kennungen: {who}</translation>
    </message>
    <message>
        <source>Data: {categories}</source>
        <translation>Daten: {categories}</translation>
    </message>
    <message>
        <source>Justification: {why}</source>
        <translation>Begründung: {why}</translation>
    </message>
    <message>
        <source>(a report the law requires)</source>
        <translation>(eine gesetzlich vorgeschriebene Meldung)</translation>
    </message>
    <message>
        <source>Recorded by {recorded_by} on {recorded_at}</source>
        <translation>Erfasst von {recorded_by} am {recorded_at}</translation>
    </message>
    <message>
        <source>Approved by {approved_by} on {approved_at}</source>
        <translation>Genehmigt von {approved_by} am {approved_at}</translation>
    </message>
    <message>
        <source>Not yet approved by a second reviewer</source>
        <translation>Noch nicht von einem zweiten Prüfer genehmigt</translation>
    </message>
    <message>
        <source>Notice to the user: {notice}</source>
        <translation>Benachrichtigung des Nutzers: {notice}</translation>
    </message>
    <message>
        <source>Supporting document: {document}</source>
        <translation>Belegdokument: {document}</translation>
    </message>
</context>
<context>
    <name>facts</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>[redacted]</source>
        <translation>[geschwärzt]</translation>
    </message>
    <message>
        <source>content data</source>
        <translation>Inhaltsdaten</translation>
    </message>
    <message>
        <source>non-content data</source>
        <translation>Nicht-Inhaltsdaten</translation>
    </message>
    <message>
        <source>until further order</source>
        <translation>bis auf Weiteres</translation>
    </message>
    <message>
        <source>{duration_days} days, until {expires}</source>
        <translation>{duration_days} Tage, bis {expires}</translation>
    </message>
    <message>
        <source>length not read</source>
        <translation>Dauer nicht gelesen</translation>
    </message>
    <message>
        <source>secrecy order</source>
        <translation>Geheimhaltungsanordnung</translation>
    </message>
</context>
<context>
    <name>figures_panel</name>
    <message>
        <source>A share: listed are the cases it counts (its numerator).</source>
        <translation>Ein Anteil: aufgelistet sind die Fälle, die er zählt (sein Zähler).</translation>
    </message>
    <message>
        <source>Accounts: listed is the 1 case whose accounts are added up.</source>
        <translation>Konten: aufgelistet ist der 1 Fall, dessen Konten addiert werden.</translation>
    </message>
    <message>
        <source>Accounts: listed are the {len:,} cases whose accounts are added up.</source>
        <translation>Konten: aufgelistet sind die {len:,} Fälle, deren Konten addiert werden.</translation>
    </message>
    <message>
        <source>Published only as a range; the cases are listed for the reviewer, not for publishing.</source>
        <translation>Nur als Spanne veröffentlicht; die Fälle sind für den Prüfer aufgelistet, nicht zur Veröffentlichung.</translation>
    </message>
    <message>
        <source>Listed in the order they were received.</source>
        <translation>In der Reihenfolge ihres Eingangs aufgelistet.</translation>
    </message>
</context>
<context>
    <name>letterhead</name>
    <message>
        <source>{name} is larger than {value} KB; use a smaller logo.</source>
        <translation>{name} ist größer als {value} KB; verwenden Sie ein kleineres Logo.</translation>
    </message>
    <message>
        <source>{name} is not a PNG image.</source>
        <translation>{name} ist kein PNG-Bild.</translation>
    </message>
    <message>
        <source>{name} is not a PNG of at most {width} pixels a side.</source>
        <translation>{name} ist kein PNG mit höchstens {width} Pixeln Seitenlänge.</translation>
    </message>
    <message>
        <source>{name} cannot be read as a PNG image.</source>
        <translation>{name} kann nicht als PNG-Bild gelesen werden.</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Briefkopf</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo not created</source>
        <translation>Demo nicht angelegt</translation>
    </message>
    <message>
        <source>The demo workstation could not be created:
{error}</source>
        <translation>Der Demo-Arbeitsplatz konnte nicht angelegt werden:
{error}</translation>
    </message>
</context>
<context>
    <name>organisation</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The document to print could not be read.</source>
        <translation>Das zu druckende Dokument konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>{title} drucken</translation>
    </message>
    <message>
        <source>Nothing was printed</source>
        <translation>Nichts gedruckt</translation>
    </message>
    <message>
        <source>Print preview · {title}</source>
        <translation>Druckvorschau · {title}</translation>
    </message>
    <message>
        <source>Print not recorded</source>
        <translation>Druck nicht protokolliert</translation>
    </message>
    <message>
        <source>The pages were printed, but not recorded: {error}</source>
        <translation>Die Seiten wurden gedruckt, aber nicht protokolliert: {error}</translation>
    </message>
</context>
<context>
    <name>scope_editor</name>
    <message>
        <source>nothing disclosed</source>
        <translation>nichts herausgegeben</translation>
    </message>
    <message>
        <source>1 identifier</source>
        <translation>1 Kennung</translation>
    </message>
    <message>
        <source>{n} identifiers</source>
        <translation>{n} Kennungen</translation>
    </message>
    <message>
        <source>1 category</source>
        <translation>1 Kategorie</translation>
    </message>
    <message>
        <source>{n} categories</source>
        <translation>{n} Kategorien</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>{menu} menu</source>
        <translation>Menü {menu}</translation>
    </message>
    <message>
        <source>{tab} tab</source>
        <translation>Reiter {tab}</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>The checklist could not be evaluated: {error}</source>
        <translation>Die Prüfliste konnte nicht ausgewertet werden: {error}</translation>
    </message>
    <message>
        <source>Letters are not available: {error}</source>
        <translation>Schreiben sind nicht verfügbar: {error}</translation>
    </message>
    <message>
        <source>Dates are not available: {error}</source>
        <translation>Fristen sind nicht verfügbar: {error}</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>{reference} — {ground_label} ({state})</source>
        <translation>{reference} — {ground_label} ({state})</translation>
    </message>
    <message>
        <source>The team&apos;s roster no longer lists you; the window is locked.</source>
        <translation>Die Teamliste führt Sie nicht mehr; das Fenster ist gesperrt.</translation>
    </message>
</context>
</TS>
