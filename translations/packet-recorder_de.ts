<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Record network traffic to pcap files.</source>
        <translation>Netzwerkverkehr in pcap-Dateien aufzeichnen.</translation>
    </message>
    <message>
        <source>interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Start recording immediately.</source>
        <translation>Aufzeichnung sofort starten.</translation>
    </message>
    <message>
        <source>Write the recording to this file.</source>
        <translation>Aufzeichnung in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Capture filter (pcap syntax).</source>
        <translation>Mitschnittfilter (pcap-Syntax).</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>File format: pcap, pcap-us or pcapng.</source>
        <translation>Dateiformat: pcap, pcap-us oder pcapng.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Stop after this many packets.</source>
        <translation>Nach so vielen Paketen stoppen.</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Snapshot length in bytes.</source>
        <translation>Mitschnittlänge in Byte.</translation>
    </message>
    <message>
        <source>snaplen</source>
        <translation>Mitschnittlänge</translation>
    </message>
    <message>
        <source>Do not put the interface into promiscuous mode.</source>
        <translation>Schnittstelle nicht in den promiskuitiven Modus versetzen.</translation>
    </message>
    <message>
        <source>A capture file to open.</source>
        <translation>Zu öffnende Mitschnittdatei.</translation>
    </message>
    <message>
        <source>Give at most one capture file to open.</source>
        <translation>Höchstens eine Mitschnittdatei zum Öffnen angeben.</translation>
    </message>
    <message>
        <source>-k records a new capture; it cannot be combined with a file to open.</source>
        <translation>-k zeichnet einen neuen Mitschnitt auf und kann nicht mit einer zu öffnenden Datei kombiniert werden.</translation>
    </message>
    <message>
        <source>-b files:N needs -b filesize:KB or -b duration:SECONDS.</source>
        <translation>-b files:N benötigt -b filesize:KB oder -b duration:SEKUNDEN.</translation>
    </message>
    <message>
        <source>Interface to record on (&quot;any&quot; for all); repeat it to record several into one pcapng file.</source>
        <translation>Schnittstelle für die Aufzeichnung („any“ für alle); mehrfach angeben, um mehrere in eine pcapng-Datei aufzuzeichnen.</translation>
    </message>
    <message>
        <source>-i is given %1 times: at most %2 interfaces at once.</source>
        <translation>-i ist %1-mal angegeben: höchstens %2 Schnittstellen gleichzeitig.</translation>
    </message>
    <message>
        <source>-i %1 is given twice.</source>
        <translation>-i %1 ist zweimal angegeben.</translation>
    </message>
    <message>
        <source>-i any records every interface: it cannot be combined with other interfaces.</source>
        <translation>-i any zeichnet alle Schnittstellen auf und lässt sich nicht mit anderen Schnittstellen kombinieren.</translation>
    </message>
    <message>
        <source>A pcap file holds one interface: use -F pcapng to record several.</source>
        <translation>Eine pcap-Datei enthält nur eine Schnittstelle: Verwenden Sie -F pcapng, um mehrere aufzuzeichnen.</translation>
    </message>
    <message>
        <source>Kernel ring buffer in MiB.</source>
        <translation>Ringpuffer des Kernels in MiB.</translation>
    </message>
    <message>
        <source>mebibytes</source>
        <translation>Mebibyte</translation>
    </message>
    <message>
        <source>Do not update the list of packets while recording; it shows them when the recording stops.</source>
        <translation>Die Paketliste während der Aufzeichnung nicht aktualisieren; sie zeigt die Pakete, wenn die Aufzeichnung endet.</translation>
    </message>
    <message>
        <source>Stop automatically: %1.</source>
        <translation>Automatisch beenden: %1.</translation>
    </message>
    <message>
        <source>Write a set of files (a ring buffer): %1.</source>
        <translation>Eine Dateiserie schreiben (Ringpuffer): %1.</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use a number of seconds above 0 and at most %3.</source>
        <translation>Ungültiges %1 „%2“: eine Sekundenzahl über 0 und höchstens %3 verwenden.</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use %3 to %4.</source>
        <translation>Ungültiges %1 „%2“: %3 bis %4 verwenden.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 ist zu lang: höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use one of %3.</source>
        <translation>Ungültiges %1 „%2“: eines von %3 verwenden.</translation>
    </message>
    <message>
        <source>Invalid %1 condition &quot;%2&quot;: use %3.</source>
        <translation>Ungültige Bedingung für %1 „%2“: %3 verwenden.</translation>
    </message>
    <message>
        <source>Other machines are recorded into a pcapng file: use -F pcapng or leave -F out.</source>
        <translation>Andere Rechner werden in eine pcapng-Datei aufgezeichnet: Verwenden Sie -F pcapng oder lassen Sie -F weg.</translation>
    </message>
</context>
<context>
    <name>SshFailure</name>
    <message>
        <source>The host key of %1 has changed, so someone may be intercepting the connection; if the change is expected, remove its old key from known_hosts with ssh-keygen -R and connect again.</source>
        <extracomment>%1 is a machine (user@host or a name from ~/.ssh/config). &quot;ssh-keygen -R&quot; is a command: keep it as it is.</extracomment>
        <translation>Der Host-Schlüssel von %1 hat sich geändert, möglicherweise hört jemand die Verbindung ab; wenn die Änderung erwartet ist, entfernen Sie den alten Schlüssel mit ssh-keygen -R aus known_hosts und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The host key of %1 has changed, so someone may be intercepting the connection; if the change is expected, remove the old key (%2) with %3 and connect again.</source>
        <extracomment>%1 is a machine, %2 the known_hosts file and line ssh names (&quot;/home/u/.ssh/known_hosts:3&quot;), %3 the command that removes that line (keep it as it is).</extracomment>
        <translation>Der Host-Schlüssel von %1 hat sich geändert, möglicherweise hört jemand die Verbindung ab; wenn die Änderung erwartet ist, entfernen Sie den alten Schlüssel (%2) mit %3 und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The host key of %1 is not known, and the dialog that asks whether to accept it could not be shown (%2).</source>
        <extracomment>%1 is a machine, %2 ssh&apos;s reason, in English (&quot;exec(...): No such file or directory&quot;)</extracomment>
        <translation>Der Host-Schlüssel von %1 ist unbekannt, und der Dialog, der fragt, ob er angenommen werden soll, konnte nicht angezeigt werden (%2).</translation>
    </message>
    <message>
        <source>The host key of %1 is not known and was not accepted, so no connection was made.</source>
        <extracomment>%1 is a machine. ssh had never seen its host key, and the user (or a setting such as StrictHostKeyChecking) did not accept it.</extracomment>
        <translation>Der Host-Schlüssel von %1 ist unbekannt und wurde nicht angenommen, daher wurde keine Verbindung hergestellt.</translation>
    </message>
    <message>
        <source>%1 refused the login as %2: the password or key was not accepted (the machine offers: %3).</source>
        <extracomment>%1 is a machine, %2 the user name, %3 ssh&apos;s names of the login methods the machine offers (&quot;publickey, password&quot;): keep those words as they are</extracomment>
        <translation>%1 hat die Anmeldung als %2 abgelehnt: Das Passwort oder der Schlüssel wurde nicht angenommen (der Rechner bietet an: %3).</translation>
    </message>
    <message>
        <source>%1 refused the login: the password or key was not accepted (the machine offers: %2).</source>
        <extracomment>%1 is a machine, %2 ssh&apos;s names of the login methods the machine offers (&quot;publickey, password&quot;): keep those words as they are</extracomment>
        <translation>%1 hat die Anmeldung abgelehnt: Das Passwort oder der Schlüssel wurde nicht angenommen (der Rechner bietet an: %2).</translation>
    </message>
    <message>
        <source>%1 cannot be found: no machine is named %2 (check the spelling, or the Host entry in ~/.ssh/config).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up (the same, or its HostName in ~/.ssh/config)</extracomment>
        <translation>%1 wurde nicht gefunden: Kein Rechner heißt %2 (prüfen Sie die Schreibweise oder den Host-Eintrag in ~/.ssh/config).</translation>
    </message>
    <message>
        <source>%1 cannot be found: the name %2 could not be looked up (no name server answered; is this computer connected?).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up</extracomment>
        <translation>%1 wurde nicht gefunden: Der Name %2 konnte nicht nachgeschlagen werden (kein Nameserver hat geantwortet; ist dieser Computer mit dem Netz verbunden?).</translation>
    </message>
    <message>
        <source>%1 cannot be found: the name %2 could not be resolved (%3).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up, %3 the reason, in English</extracomment>
        <translation>%1 wurde nicht gefunden: Der Name %2 konnte nicht aufgelöst werden (%3).</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2: no SSH server listens there, or a firewall rejects it.</source>
        <extracomment>%1 is a machine, %2 a TCP port number</extracomment>
        <translation>%1 hat die Verbindung auf Port %2 abgelehnt: Dort wartet kein SSH-Server, oder eine Firewall weist sie ab.</translation>
    </message>
    <message>
        <source>%1 did not answer on port %2 (the connection timed out): the machine may be off, or a firewall drops the connection.</source>
        <extracomment>%1 is a machine, %2 a TCP port number</extracomment>
        <translation>%1 hat auf Port %2 nicht geantwortet (Zeitüberschreitung der Verbindung): Der Rechner ist vielleicht ausgeschaltet, oder eine Firewall verwirft die Verbindung.</translation>
    </message>
    <message>
        <source>%1 cannot be reached: there is no route to it (the machine may be off, or on another network).</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 ist nicht erreichbar: Es gibt keine Route dorthin (der Rechner ist vielleicht ausgeschaltet oder in einem anderen Netz).</translation>
    </message>
    <message>
        <source>%1 cannot be reached: its network is unreachable from this computer.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 ist nicht erreichbar: Sein Netz ist von diesem Computer aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 cannot be reached on port %2: %3.</source>
        <extracomment>%1 is a machine, %2 a TCP port number, %3 the reason, in English</extracomment>
        <translation>%1 ist auf Port %2 nicht erreichbar: %3.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a machine, %2 the last line ssh (or the remote command) wrote, in English</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>ssh could not connect to %1 and did not say why.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>ssh konnte keine Verbindung zu %1 herstellen und hat keinen Grund genannt.</translation>
    </message>
    <message>
        <source>The command on %1 ended with exit status %2.</source>
        <extracomment>%1 is a machine, %2 a number</extracomment>
        <translation>Der Befehl auf %1 endete mit dem Exit-Status %2.</translation>
    </message>
    <message>
        <source>On %1, the program %2 was not found.</source>
        <extracomment>%1 is a machine, %2 the program its shell could not find</extracomment>
        <translation>Auf %1 wurde das Programm %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>On %1, a program of the remote command was not found (exit status 127).</source>
        <extracomment>%1 is a machine; 127 is the shell&apos;s &quot;command not found&quot; exit status</extracomment>
        <translation>Auf %1 wurde ein Programm des entfernten Befehls nicht gefunden (Exit-Status 127).</translation>
    </message>
    <message>
        <source>%1 refused the login: too many keys were tried (choose the right one with IdentityFile and IdentitiesOnly in ~/.ssh/config).</source>
        <extracomment>%1 is a machine. IdentityFile and IdentitiesOnly are ssh settings: keep them as they are</extracomment>
        <translation>%1 hat die Anmeldung abgelehnt: Es wurden zu viele Schlüssel versucht (wählen Sie den richtigen mit IdentityFile und IdentitiesOnly in ~/.ssh/config).</translation>
    </message>
    <message>
        <source>%1 accepted the connection, but its SSH server did not answer in time.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 hat die Verbindung angenommen, aber sein SSH-Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: the machine stopped answering.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>Die Verbindung zu %1 ist verloren: Der Rechner antwortet nicht mehr.</translation>
    </message>
    <message>
        <source>The connection to %1 broke off (broken pipe).</source>
        <extracomment>%1 is a machine; &quot;broken pipe&quot; is what ssh said</extracomment>
        <translation>Die Verbindung zu %1 ist abgebrochen (broken pipe).</translation>
    </message>
    <message>
        <source>The connection to %1 was reset, by the machine or by something on the way.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>Die Verbindung zu %1 wurde zurückgesetzt, vom Rechner selbst oder von etwas auf dem Weg dorthin.</translation>
    </message>
    <message>
        <source>%1 closed the connection (the session was ended there, or the machine is shutting down).</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 hat die Verbindung geschlossen (die Sitzung wurde dort beendet, oder der Rechner fährt herunter).</translation>
    </message>
    <message>
        <source>%1 closed the connection before the login completed.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation>%1 hat die Verbindung geschlossen, bevor die Anmeldung abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 ended the connection: %2.</source>
        <extracomment>%1 is a machine, %2 the reason its SSH server gave, in English</extracomment>
        <translation>%1 hat die Verbindung beendet: %2.</translation>
    </message>
</context>
<context>
    <name>pr::AddRemoteMachineDialog</name>
    <message>
        <source>Add Remote Machine</source>
        <translation>Entfernten Rechner hinzufügen</translation>
    </message>
    <message>
        <source>Packet Recorder records the machine through your own ssh: its keys, agent, ~/.ssh/config and known hosts. A password or a new host key is asked in a dialog and never stored.</source>
        <translation>Packet Recorder zeichnet den Rechner über Ihr eigenes ssh auf: mit Ihren Schlüsseln, Ihrem Agenten, ~/.ssh/config und den bekannten Hosts. Ein Passwort oder ein neuer Host-Schlüssel wird in einem Dialog abgefragt und nie gespeichert.</translation>
    </message>
    <message>
        <source>alice@web1, web1:2222 or a Host alias</source>
        <extracomment>Placeholder of the machine field; keep the examples as they are</extracomment>
        <translation>alice@web1, web1:2222 oder ein Host-Alias</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>What you would type after &quot;ssh&quot;: user@host, host, host:port or a Host alias of ~/.ssh/config</source>
        <translation>Was Sie nach „ssh“ eingeben würden: user@host, host, host:port oder ein Host-Alias aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>&amp;Compress the channel (ssh -C)</source>
        <translation>Kanal &amp;komprimieren (ssh -C)</translation>
    </message>
    <message>
        <source>Fewer bytes on a slow link, more CPU on both ends; of little use on a fast local network</source>
        <translation>Weniger Bytes auf einer langsamen Verbindung, mehr CPU-Last auf beiden Seiten; in einem schnellen lokalen Netz kaum nützlich</translation>
    </message>
    <message>
        <source>&amp;Machine:</source>
        <extracomment>Label of the field for user@host or a Host alias</extracomment>
        <translation>&amp;Rechner:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <extracomment>The dialog&apos;s OK button</extracomment>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>%1 is in the list already.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>as the recording</source>
        <translation>wie die Aufzeichnung</translation>
    </message>
    <message>
        <source> bytes</source>
        <extracomment>Unit after the per-machine snap length</extracomment>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>Bytes kept of each packet on this machine: 96 or 128 keep the headers only, for a slow link</source>
        <translation>Bytes, die auf diesem Rechner von jedem Paket behalten werden: 96 oder 128 behalten nur die Header, für eine langsame Verbindung</translation>
    </message>
    <message>
        <source>&amp;Snap length there:</source>
        <extracomment>Label of the per-machine snap length</extracomment>
        <translation>&amp;Mitschnittlänge dort:</translation>
    </message>
</context>
<context>
    <name>pr::AskpassDialog</name>
    <message>
        <source>ssh does not know the key of this machine yet. Connect only if the fingerprint below is the one its administrator gives you; ssh then remembers the key in known_hosts.</source>
        <translation>ssh kennt den Schlüssel dieses Rechners noch nicht. Verbinden Sie sich nur, wenn der Fingerabdruck unten der ist, den Ihnen die Administration des Rechners nennt; ssh merkt sich den Schlüssel dann in known_hosts.</translation>
    </message>
    <message>
        <source>Connect and remember this key</source>
        <extracomment>Button of the dialog that asks whether to trust a machine ssh has not seen before</extracomment>
        <translation>Verbinden und diesen Schlüssel merken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Button of the same dialog: do not connect (ssh is told &quot;no&quot;)</extracomment>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>pr::CaptureFileReader</name>
    <message>
        <source>Not a pcap or pcapng file.</source>
        <translation>Keine pcap- oder pcapng-Datei.</translation>
    </message>
    <message>
        <source>The file ends inside the packet at offset %1.</source>
        <translation>Die Datei endet mitten im Paket an Offset %1.</translation>
    </message>
    <message>
        <source>libpcap could not set up a writer.</source>
        <translation>libpcap konnte keinen Schreiber einrichten.</translation>
    </message>
    <message>
        <source>The file could not be written completely.</source>
        <translation>Die Datei konnte nicht vollständig geschrieben werden.</translation>
    </message>
    <message>
        <source>Unknown file format &quot;%1&quot;.</source>
        <translation>Unbekanntes Dateiformat „%1“.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Link type %1 cannot be stored in a pcapng file.</source>
        <translation>Linktyp %1 kann nicht in einer pcapng-Datei gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>pr::CaptureFileScanner</name>
    <message>
        <source>The file is damaged at byte %1: %2</source>
        <extracomment>%1 is a byte offset in the file, %2 says what is wrong there</extracomment>
        <translation>Die Datei ist bei Byte %1 beschädigt: %2</translation>
    </message>
    <message>
        <source>a file header where a packet was expected</source>
        <translation>ein Dateikopf, wo ein Paket erwartet wurde</translation>
    </message>
    <message>
        <source>This is not a pcap or pcapng file.</source>
        <translation>Dies ist keine pcap- oder pcapng-Datei.</translation>
    </message>
    <message>
        <source>a packet of %1 bytes</source>
        <translation>ein Paket von %1 Bytes</translation>
    </message>
    <message>
        <source>a section header of unknown byte order</source>
        <translation>ein Abschnittskopf mit unbekannter Bytereihenfolge</translation>
    </message>
    <message>
        <source>a block of %1 bytes</source>
        <translation>ein Block von %1 Bytes</translation>
    </message>
    <message>
        <source>a section of an unknown pcapng version</source>
        <translation>ein Abschnitt einer unbekannten pcapng-Version</translation>
    </message>
    <message>
        <source>a block outside any section</source>
        <translation>ein Block außerhalb jedes Abschnitts</translation>
    </message>
    <message>
        <source>a block whose two lengths differ</source>
        <translation>ein Block, dessen zwei Längenangaben sich unterscheiden</translation>
    </message>
    <message>
        <source>a packet of interface %1, which the file has not described</source>
        <translation>ein Paket der Schnittstelle %1, die die Datei nicht beschreibt</translation>
    </message>
</context>
<context>
    <name>pr::CaptureOptionsWidget</name>
    <message>
        <source>&amp;Update list of packets in real time</source>
        <comment>Wireshark&apos;s name for showing packets in the list while recording</comment>
        <translation>Liste der Pakete in &amp;Echtzeit aktualisieren</translation>
    </message>
    <message>
        <source>Off, a long recording costs the window nothing: the list shows the packets when the recording stops.</source>
        <translation>Aus: Eine lange Aufnahme kostet das Fenster nichts; die Liste zeigt die Pakete, wenn die Aufnahme endet.</translation>
    </message>
    <message>
        <source>&amp;Immediate mode</source>
        <comment>tcpdump&apos;s name: hand each packet over at once, not in blocks</comment>
        <translation>&amp;Sofortmodus</translation>
    </message>
    <message>
        <source>Packets reach the file and the list within a millisecond instead of in blocks of up to 50 ms, for more wake-ups while traffic is light.</source>
        <translation>Pakete erreichen die Datei und die Liste innerhalb einer Millisekunde statt in Blöcken von bis zu 50 ms; bei wenig Verkehr wacht die Aufnahme dafür öfter auf.</translation>
    </message>
    <message>
        <source>New file every N pac&amp;kets:</source>
        <comment>Start the next file of a set after this many packets (dumpcap -b packets)</comment>
        <translation>Neue Datei alle N Pa&amp;kete:</translation>
    </message>
    <message>
        <source>Start the next file of the set after this many packets.</source>
        <translation>Die nächste Datei der Reihe nach so vielen Paketen beginnen.</translation>
    </message>
    <message>
        <source>After f&amp;iles:</source>
        <comment>Stop automatically after this many files of a set</comment>
        <translation>Nach &amp;Dateien:</translation>
    </message>
    <message>
        <source>With a split recording: stop once this many files are finished.</source>
        <translation>Bei einer geteilten Aufnahme: anhalten, sobald so viele Dateien fertig sind.</translation>
    </message>
    <message>
        <source>Capture filter</source>
        <translation>Mitschnittfilter</translation>
    </message>
    <message>
        <source>Capture filter status</source>
        <translation>Status des Mitschnittfilters</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source> bytes</source>
        <extracomment>Unit suffix of the snapshot length spin box</extracomment>
        <translation> Byte</translation>
    </message>
    <message>
        <source>Snapshot length</source>
        <translation>Mitschnittlänge</translation>
    </message>
    <message>
        <source>Bytes kept of each packet; longer packets are truncated.</source>
        <translation>Pro Paket behaltene Bytes; längere Pakete werden abgeschnitten.</translation>
    </message>
    <message>
        <source>&amp;Snapshot length:</source>
        <translation>Mitschnitt&amp;länge:</translation>
    </message>
    <message>
        <source>&amp;Promiscuous mode</source>
        <translation>&amp;Promiskuitiver Modus</translation>
    </message>
    <message>
        <source>Promiscuous mode</source>
        <translation>Promiskuitiver Modus</translation>
    </message>
    <message>
        <source>Also record frames addressed to other hosts on the same network segment.</source>
        <translation>Auch Frames aufzeichnen, die an andere Hosts im selben Netzsegment gerichtet sind.</translation>
    </message>
    <message>
        <source> MiB</source>
        <extracomment>Unit suffix: mebibytes</extracomment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Kernel buffer size</source>
        <translation>Größe des Kernel-Puffers</translation>
    </message>
    <message>
        <source>Memory the kernel fills while the recorder writes; larger survives longer bursts.</source>
        <translation>Speicher, den der Kernel füllt, während geschrieben wird; größer übersteht längere Lastspitzen.</translation>
    </message>
    <message>
        <source>Kernel &amp;buffer:</source>
        <translation>&amp;Kernel-Puffer:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>pcap (nanosecond)</source>
        <translation>pcap (Nanosekunden)</translation>
    </message>
    <message>
        <source>pcap (microsecond)</source>
        <translation>pcap (Mikrosekunden)</translation>
    </message>
    <message>
        <source>pcapng</source>
        <translation>pcapng</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Microsecond pcap suits older tools; pcapng keeps interface names and direction.</source>
        <translation>Mikrosekunden-pcap passt für ältere Werkzeuge; pcapng behält Schnittstellennamen und Richtung.</translation>
    </message>
    <message>
        <source>File &amp;format:</source>
        <translation>Datei&amp;format:</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Choose output folder</source>
        <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Output folder status</source>
        <translation>Status des Ausgabeordners</translation>
    </message>
    <message>
        <source>Stop automatically</source>
        <translation>Automatisch stoppen</translation>
    </message>
    <message>
        <source>After &amp;duration:</source>
        <translation>Nach Dau&amp;er:</translation>
    </message>
    <message>
        <source>Stop after a duration</source>
        <translation>Nach einer Dauer stoppen</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Unit suffix: seconds</extracomment>
        <translation> s</translation>
    </message>
    <message>
        <source>Duration in seconds</source>
        <translation>Dauer in Sekunden</translation>
    </message>
    <message>
        <source>After file &amp;size:</source>
        <translation>Nach Datei&amp;größe:</translation>
    </message>
    <message>
        <source>Stop after a file size</source>
        <translation>Nach einer Dateigröße stoppen</translation>
    </message>
    <message>
        <source>File size in MiB</source>
        <translation>Dateigröße in MiB</translation>
    </message>
    <message>
        <source>After &amp;packets:</source>
        <translation>Nach Pake&amp;ten:</translation>
    </message>
    <message>
        <source>Stop after a packet count</source>
        <translation>Nach einer Paketanzahl stoppen</translation>
    </message>
    <message>
        <source>Packet count</source>
        <translation>Paketanzahl</translation>
    </message>
    <message>
        <source>The capture filter is invalid: %1</source>
        <translation>Der Mitschnittfilter ist ungültig: %1</translation>
    </message>
    <message>
        <source>Choose a folder for the recording.</source>
        <translation>Einen Ordner für die Aufzeichnung wählen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>Der Ordner %1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Folder for recordings</source>
        <translation>Ordner für Aufzeichnungen</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Dieser Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>This folder is not writable.</source>
        <translation>Dieser Ordner ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Takes effect when Packet Recorder is restarted.</source>
        <translation>Gilt nach einem Neustart von Packet Recorder.</translation>
    </message>
    <message>
        <source>Split into se&amp;veral files</source>
        <translation>In mehrere Dateien aufteile&amp;n</translation>
    </message>
    <message>
        <source>Split the recording into several files</source>
        <translation>Die Aufzeichnung in mehrere Dateien aufteilen</translation>
    </message>
    <message>
        <source>Start a new file when it reaches a size or after a time, whichever comes first. Wireshark opens the files as a set.</source>
        <translation>Eine neue Datei beginnen, wenn die Datei eine Größe erreicht oder eine Zeit vergangen ist, je nachdem, was zuerst eintritt. Wireshark öffnet die Dateien als Dateisatz.</translation>
    </message>
    <message>
        <source>New file every:</source>
        <translation>Neue Datei alle:</translation>
    </message>
    <message>
        <source>Start a new file at a size</source>
        <translation>Bei einer Dateigröße eine neue Datei beginnen</translation>
    </message>
    <message>
        <source> MB</source>
        <extracomment>Unit suffix: megabytes (1,000,000 bytes)</extracomment>
        <translation> MB</translation>
    </message>
    <message>
        <source>File size in MB</source>
        <translation>Dateigröße in MB</translation>
    </message>
    <message>
        <source>New file after:</source>
        <translation>Neue Datei nach:</translation>
    </message>
    <message>
        <source>Start a new file after a time</source>
        <translation>Nach einer Zeit eine neue Datei beginnen</translation>
    </message>
    <message>
        <source>Time per file</source>
        <translation>Zeit pro Datei</translation>
    </message>
    <message>
        <source>Unit of the time per file</source>
        <translation>Einheit der Zeit pro Datei</translation>
    </message>
    <message>
        <source>&amp;Keep only the newest:</source>
        <translation>Nur die neuesten &amp;behalten:</translation>
    </message>
    <message>
        <source>Keep only the newest files (ring buffer)</source>
        <translation>Nur die neuesten Dateien behalten (Ringpuffer)</translation>
    </message>
    <message>
        <source>A ring buffer: when a new file starts, the oldest beyond this number is deleted.</source>
        <translation>Ein Ringpuffer: Beginnt eine neue Datei, wird die älteste Datei über dieser Anzahl gelöscht.</translation>
    </message>
    <message>
        <source>Number of files to keep</source>
        <translation>Anzahl der zu behaltenden Dateien</translation>
    </message>
    <message>
        <source>Choose when a new file starts: at a size, after a time, or both.</source>
        <translation>Wählen Sie, wann eine neue Datei beginnt: bei einer Größe, nach einer Zeit oder beides.</translation>
    </message>
    <message numerus="yes">
        <source>second(s)</source>
        <extracomment>Unit of the time per file, after a number</extracomment>
        <translation>
            <numerusform>Sekunde</numerusform>
            <numerusform>Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>minute(s)</source>
        <extracomment>Unit of the time per file, after a number</extracomment>
        <translation>
            <numerusform>Minute</numerusform>
            <numerusform>Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> file(s)</source>
        <extracomment>Unit suffix of the number of files to keep, after the number</extracomment>
        <translation>
            <numerusform> Datei</numerusform>
            <numerusform> Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Each file gets a number and its start time: %1, %2, …</source>
        <extracomment>%1 and %2 are the ends of example file names of a split recording</extracomment>
        <translation>Jede Datei erhält eine Nummer und ihre Startzeit: %1, %2, …</translation>
    </message>
    <message>
        <source>Programs</source>
        <extracomment>Options group: which program sent each packet</extracomment>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Show which &amp;program sent each packet</source>
        <translation>Zeigen, welches &amp;Programm jedes Paket gesendet hat</translation>
    </message>
    <message>
        <source>Names the program and user behind each TCP and UDP packet, in the Programs view and the packet list&apos;s Program column. Other users&apos; programs are shown by their account only.</source>
        <translation>Nennt Programm und Benutzer hinter jedem TCP- und UDP-Paket, in der Programmansicht und in der Spalte „Programm“ der Paketliste. Programme anderer Benutzer werden nur mit ihrem Konto angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Write each packet&apos;s program into the file (pcapng comment)</source>
        <translation>Programm jedes Pakets in die Datei &amp;schreiben (pcapng-Kommentar)</translation>
    </message>
    <message>
        <source>Wireshark shows the comment with each packet and finds a program&apos;s packets with the filter frame.comment contains &quot;curl&quot;.</source>
        <translation>Wireshark zeigt den Kommentar bei jedem Paket und findet die Pakete eines Programms mit dem Filter frame.comment contains &quot;curl&quot;.</translation>
    </message>
    <message>
        <source>A pcap file has nowhere to store it: choose pcapng to keep the programs in the file.</source>
        <extracomment>Options note, shown when the file format is pcap</extracomment>
        <translation>Eine pcap-Datei kann das nicht speichern: Wählen Sie pcapng, um die Programme in der Datei zu behalten.</translation>
    </message>
    <message>
        <source>Show which program sent each packet</source>
        <translation>Zeigen, welches Programm jedes Paket gesendet hat</translation>
    </message>
    <message>
        <source>Write each packet&apos;s program into the file</source>
        <translation>Programm jedes Pakets in die Datei schreiben</translation>
    </message>
</context>
<context>
    <name>pr::CaptureStatusBar</name>
    <message>
        <source>Status bar</source>
        <translation>Statusleiste</translation>
    </message>
    <message>
        <source>Recording state</source>
        <translation>Aufzeichnungsstatus</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>Packets recorded</source>
        <translation>Aufgezeichnete Pakete</translation>
    </message>
    <message>
        <source>Bytes recorded</source>
        <translation>Aufgezeichnete Bytes</translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation>Durchschnittliche Rate</translation>
    </message>
    <message>
        <source>Packets dropped by the kernel</source>
        <translation>Vom Kernel verworfene Pakete</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Mitschnittdatei</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Waiting for permission to record on %1…</source>
        <extracomment>Status bar while the password prompt for recording is open; %1 is an interface name such as eth0</extracomment>
        <translation>Warte auf Berechtigung für %1…</translation>
    </message>
    <message>
        <source>Starting to record on %1…</source>
        <extracomment>Status bar between clicking Record and the helper&apos;s start; %1 is an interface name such as eth0</extracomment>
        <translation>Aufzeichnung auf %1 startet…</translation>
    </message>
    <message>
        <source>Recording on %1</source>
        <extracomment>Status bar while a recording runs; %1 is an interface name such as eth0.</extracomment>
        <translation>Aufzeichnung auf %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Opened</source>
        <extracomment>Status bar after File &gt; Open</extracomment>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>avg %1</source>
        <extracomment>Status bar: average data rate since the recording started</extracomment>
        <translation>Ø %1</translation>
    </message>
    <message>
        <source>%1 dropped</source>
        <extracomment>Status bar: packets the kernel dropped because the capture buffer was full</extracomment>
        <translation>%1 verworfen</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <extracomment>Status bar: %1 is the file size, %2 the file path</extracomment>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln packet(s)</source>
        <extracomment>Status bar: packets recorded so far</extracomment>
        <translation>
            <numerusform>%Ln Paket</numerusform>
            <numerusform>%Ln Pakete</numerusform>
        </translation>
    </message>
    <message>
        <source>File of the set</source>
        <translation>Datei des Dateisatzes</translation>
    </message>
    <message numerus="yes">
        <source>file %1, %Ln kept</source>
        <extracomment>Status bar, a recording split into a set of files: %1 is the number of the file being written, %Ln how many files of the set are on disk</extracomment>
        <translation>
            <numerusform>Datei %1, %Ln behalten</numerusform>
            <numerusform>Datei %1, %Ln behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Datei wird gelesen</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <extracomment>Progress bar in the status bar while an opened file is read; %p is the percentage</extracomment>
        <translation>Lesen %p %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the file: the list keeps the packets read so far</source>
        <translation>Lesen der Datei beenden: die Liste behält die bisher gelesenen Pakete</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <extracomment>Status bar: some interfaces of a recording ended, the others go on; %1 lists them (&quot;web2:eth0 and web3:eth0&quot;)</extracomment>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <source>, %1 over ssh</source>
        <extracomment>Status bar, recording other machines: %1 the bytes their ssh connections carried to this computer</extracomment>
        <translation>, %1 über ssh</translation>
    </message>
    <message>
        <source>The ssh connections carried %1 to record the %2 of the file.</source>
        <translation>Die ssh-Verbindungen übertrugen %1, um die %2 der Datei aufzuzeichnen.</translation>
    </message>
</context>
<context>
    <name>pr::FilterLineEdit</name>
    <message>
        <source>The filter is longer than %1 characters.</source>
        <translation>Der Filter ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>libpcap could not open a compiler for this link type.</source>
        <translation>libpcap konnte für diesen Linktyp keinen Compiler öffnen.</translation>
    </message>
    <message>
        <source>Capture filter, e.g. tcp port 443 or host 192.0.2.1</source>
        <translation>Mitschnittfilter, z. B. tcp port 443 oder host 192.0.2.1</translation>
    </message>
    <message>
        <source>Capture filter</source>
        <translation>Mitschnittfilter</translation>
    </message>
    <message>
        <source>A libpcap filter expression; empty records every packet</source>
        <translation>Ein libpcap-Filterausdruck; leer zeichnet jedes Paket auf</translation>
    </message>
    <message>
        <source>No filter: every packet is recorded.</source>
        <translation>Kein Filter: Jedes Paket wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>The filter is valid.</source>
        <translation>Der Filter ist gültig.</translation>
    </message>
</context>
<context>
    <name>pr::FrameDecoder</name>
    <message>
        <source>Unicast to us</source>
        <translation>Unicast an uns</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Broadcast</translation>
    </message>
    <message>
        <source>Multicast</source>
        <translation>Multicast</translation>
    </message>
    <message>
        <source>Unicast to another host</source>
        <translation>Unicast an anderen Host</translation>
    </message>
    <message>
        <source>Sent by us</source>
        <translation>Von uns gesendet</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Unbekannt (%1)</translation>
    </message>
    <message>
        <source>[First %1 bytes only]</source>
        <translation>[Nur die ersten %1 Byte]</translation>
    </message>
    <message>
        <source>[Only the first %1 bytes of the frame are shown]</source>
        <translation>[Nur die ersten %1 Byte des Frames werden angezeigt]</translation>
    </message>
    <message>
        <source>[Truncated %1]</source>
        <translation>[Abgeschnitten: %1]</translation>
    </message>
    <message>
        <source>[Malformed: %1]</source>
        <translation>[Fehlerhaft: %1]</translation>
    </message>
    <message>
        <source>IP header</source>
        <translation>IP-Header</translation>
    </message>
    <message>
        <source>IP version %1</source>
        <translation>IP-Version %1</translation>
    </message>
    <message>
        <source>Link type %1</source>
        <translation>Linktyp %1</translation>
    </message>
    <message>
        <source>Not decoded</source>
        <translation>Nicht dekodiert</translation>
    </message>
    <message>
        <source>Link type %1 (not decoded), %2 bytes</source>
        <translation>Linktyp %1 (nicht dekodiert), %2 Byte</translation>
    </message>
    <message>
        <source>Ethernet II</source>
        <translation>Ethernet II</translation>
    </message>
    <message>
        <source>Ethernet header</source>
        <translation>Ethernet-Header</translation>
    </message>
    <message>
        <source>Ethernet II, Src: %1, Dst: %2</source>
        <translation>Ethernet II, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Destination: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>IEEE 802.3, length %1</source>
        <translation>IEEE 802.3, Länge %1</translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation>Länge: %1</translation>
    </message>
    <message>
        <source>IEEE 802.3 Ethernet, Src: %1, Dst: %2</source>
        <translation>IEEE 802.3 Ethernet, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Linux cooked capture v1</source>
        <translation>Linux cooked capture v1</translation>
    </message>
    <message>
        <source>Linux cooked header</source>
        <translation>Linux-cooked-Header</translation>
    </message>
    <message>
        <source>Packet type: %1 (%2)</source>
        <translation>Pakettyp: %1 (%2)</translation>
    </message>
    <message>
        <source>Link-layer address type: %1</source>
        <translation>Typ der Link-Layer-Adresse: %1</translation>
    </message>
    <message>
        <source>Link-layer address length: %1</source>
        <translation>Länge der Link-Layer-Adresse: %1</translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>Protocol: %1 (%2)</source>
        <translation>Protokoll: %1 (%2)</translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation>Linux cooked capture v2</translation>
    </message>
    <message>
        <source>Interface index: %1</source>
        <translation>Schnittstellenindex: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>Type: %1 (%2)</source>
        <translation>Typ: %1 (%2)</translation>
    </message>
    <message>
        <source>Ethernet II, type %1, %2 bytes of payload</source>
        <translation>Ethernet II, Typ %1, %2 Byte Nutzdaten</translation>
    </message>
    <message>
        <source>Data (%1 bytes)</source>
        <translation>Daten (%1 Byte)</translation>
    </message>
    <message>
        <source>more than 8 stacked VLAN tags</source>
        <translation>mehr als 8 gestapelte VLAN-Tags</translation>
    </message>
    <message>
        <source>VLAN tag</source>
        <translation>VLAN-Tag</translation>
    </message>
    <message>
        <source>%1, PRI: %2, DEI: %3, ID: %4</source>
        <translation>%1, PRI: %2, DEI: %3, ID: %4</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>DEI: %1</source>
        <translation>DEI: %1</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation>VLAN %1</translation>
    </message>
    <message>
        <source>Address Resolution Protocol</source>
        <translation>Address Resolution Protocol</translation>
    </message>
    <message>
        <source>ARP header</source>
        <translation>ARP-Header</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>opcode %1</source>
        <translation>Opcode %1</translation>
    </message>
    <message>
        <source>Address Resolution Protocol (%1)</source>
        <translation>Address Resolution Protocol (%1)</translation>
    </message>
    <message>
        <source>Hardware type: %1</source>
        <translation>Hardwaretyp: %1</translation>
    </message>
    <message>
        <source>Protocol type: %1</source>
        <translation>Protokolltyp: %1</translation>
    </message>
    <message>
        <source>Hardware size: %1</source>
        <translation>Hardwaregröße: %1</translation>
    </message>
    <message>
        <source>Protocol size: %1</source>
        <translation>Protokollgröße: %1</translation>
    </message>
    <message>
        <source>Opcode: %1 (%2)</source>
        <translation>Opcode: %1 (%2)</translation>
    </message>
    <message>
        <source>ARP %1 (hardware size %2, protocol size %3)</source>
        <translation>ARP %1 (Hardwaregröße %2, Protokollgröße %3)</translation>
    </message>
    <message>
        <source>ARP addresses</source>
        <translation>ARP-Adressen</translation>
    </message>
    <message>
        <source>Sender MAC address: %1</source>
        <translation>Sender-MAC-Adresse: %1</translation>
    </message>
    <message>
        <source>Sender IP address: %1</source>
        <translation>Sender-IP-Adresse: %1</translation>
    </message>
    <message>
        <source>Target MAC address: %1</source>
        <translation>Ziel-MAC-Adresse: %1</translation>
    </message>
    <message>
        <source>Target IP address: %1</source>
        <translation>Ziel-IP-Adresse: %1</translation>
    </message>
    <message>
        <source>ARP Announcement for %1</source>
        <translation>ARP-Ankündigung für %1</translation>
    </message>
    <message>
        <source>Who has %1? Tell %2</source>
        <translation>Wer hat %1? Antwort an %2</translation>
    </message>
    <message>
        <source>%1 is at %2</source>
        <translation>%1 ist bei %2</translation>
    </message>
    <message>
        <source>ARP opcode %1</source>
        <translation>ARP-Opcode %1</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation>Internet Protocol Version 4</translation>
    </message>
    <message>
        <source>IPv4 header</source>
        <translation>IPv4-Header</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4, Src: %1, Dst: %2</source>
        <translation>Internet Protocol Version 4, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Header Length: %1 bytes (%2)</source>
        <translation>Header-Länge: %1 Byte (%2)</translation>
    </message>
    <message>
        <source>Differentiated Services Field: %1 (DSCP: %2, ECN: %3)</source>
        <translation>Differentiated-Services-Feld: %1 (DSCP: %2, ECN: %3)</translation>
    </message>
    <message>
        <source>Total Length: %1</source>
        <translation>Gesamtlänge: %1</translation>
    </message>
    <message>
        <source>Identification: %1 (%2)</source>
        <translation>Identifikation: %1 (%2)</translation>
    </message>
    <message>
        <source>Reserved bit</source>
        <translation>Reserviertes Bit</translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation>Nicht fragmentieren</translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation>Weitere Fragmente</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>Flags: %1</translation>
    </message>
    <message>
        <source>Flags: %1, %2</source>
        <translation>Flags: %1, %2</translation>
    </message>
    <message>
        <source>Fragment Offset: %1</source>
        <translation>Fragment-Offset: %1</translation>
    </message>
    <message>
        <source>Time to Live: %1</source>
        <translation>Time to Live: %1</translation>
    </message>
    <message>
        <source>Header Checksum: %1</source>
        <translation>Header-Prüfsumme: %1</translation>
    </message>
    <message>
        <source>Source Address: %1</source>
        <translation>Quelladresse: %1</translation>
    </message>
    <message>
        <source>Destination Address: %1</source>
        <translation>Zieladresse: %1</translation>
    </message>
    <message>
        <source>IPv4 version field is %1</source>
        <translation>IPv4-Versionsfeld ist %1</translation>
    </message>
    <message>
        <source>IPv4 header length %1 &lt; 20</source>
        <translation>IPv4-Header-Länge %1 &lt; 20</translation>
    </message>
    <message>
        <source>IPv4 total length %1 &lt; header length %2</source>
        <translation>IPv4-Gesamtlänge %1 &lt; Header-Länge %2</translation>
    </message>
    <message>
        <source>Options: (%1 bytes)</source>
        <translation>Optionen: (%1 Byte)</translation>
    </message>
    <message>
        <source>%1 [Malformed option]</source>
        <translation>%1 [Fehlerhafte Option]</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Byte)</translation>
    </message>
    <message>
        <source>IPv4 options</source>
        <translation>IPv4-Optionen</translation>
    </message>
    <message>
        <source>Fragmented IP protocol (proto=%1 %2, off=%3, ID=%4)</source>
        <translation>Fragmentiertes IP-Protokoll (proto=%1 %2, off=%3, ID=%4)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Fragment data (%1 bytes)</source>
        <translation>Fragmentdaten (%1 Byte)</translation>
    </message>
    <message>
        <source>Internet Protocol Version 6</source>
        <translation>Internet Protocol Version 6</translation>
    </message>
    <message>
        <source>IPv6 header</source>
        <translation>IPv6-Header</translation>
    </message>
    <message>
        <source>Internet Protocol Version 6, Src: %1, Dst: %2</source>
        <translation>Internet Protocol Version 6, Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Traffic Class: %1</source>
        <translation>Traffic Class: %1</translation>
    </message>
    <message>
        <source>Flow Label: %1</source>
        <translation>Flow Label: %1</translation>
    </message>
    <message>
        <source>Payload Length: %1</source>
        <translation>Nutzdatenlänge: %1</translation>
    </message>
    <message>
        <source>Next Header: %1</source>
        <translation>Next Header: %1</translation>
    </message>
    <message>
        <source>Next Header: %1 (%2)</source>
        <translation>Next Header: %1 (%2)</translation>
    </message>
    <message>
        <source>Hop Limit: %1</source>
        <translation>Hop Limit: %1</translation>
    </message>
    <message>
        <source>IPv6 version field is %1</source>
        <translation>IPv6-Versionsfeld ist %1</translation>
    </message>
    <message>
        <source>IPv6 extension header</source>
        <translation>IPv6-Erweiterungsheader</translation>
    </message>
    <message>
        <source>%1, length %2 bytes</source>
        <translation>%1, Länge %2 Byte</translation>
    </message>
    <message>
        <source>IPv6 extension header beyond the payload length</source>
        <translation>IPv6-Erweiterungsheader jenseits der Nutzdatenlänge</translation>
    </message>
    <message>
        <source>IPv6 fragment header</source>
        <translation>IPv6-Fragment-Header</translation>
    </message>
    <message>
        <source>Fragment Header, offset %1, %2, ID %3</source>
        <translation>Fragment-Header, Offset %1, %2, ID %3</translation>
    </message>
    <message>
        <source>more fragments</source>
        <translation>weitere Fragmente</translation>
    </message>
    <message>
        <source>last fragment</source>
        <translation>letztes Fragment</translation>
    </message>
    <message>
        <source>IPv6 fragment (off=%1 more=%2 ident=%3 nxt=%4)</source>
        <translation>IPv6-Fragment (off=%1 more=%2 ident=%3 nxt=%4)</translation>
    </message>
    <message>
        <source>too many IPv6 extension headers</source>
        <translation>zu viele IPv6-Erweiterungsheader</translation>
    </message>
    <message>
        <source>No next header</source>
        <translation>Kein nächster Header</translation>
    </message>
    <message>
        <source>IPv6 payload length %1 too small</source>
        <translation>IPv6-Nutzdatenlänge %1 zu klein</translation>
    </message>
    <message>
        <source>IP protocol %1, %2 bytes</source>
        <translation>IP-Protokoll %1, %2 Byte</translation>
    </message>
    <message>
        <source>%1, %2 bytes</source>
        <translation>%1, %2 Byte</translation>
    </message>
    <message>
        <source>%1 data (%2 bytes)</source>
        <translation>%1-Daten (%2 Byte)</translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation>Protokoll %1</translation>
    </message>
    <message>
        <source>Domain Name System</source>
        <translation>Domain Name System</translation>
    </message>
    <message>
        <source>DNS message shorter than its 12-byte header</source>
        <translation>DNS-Nachricht kürzer als ihr 12-Byte-Header</translation>
    </message>
    <message>
        <source>DNS header</source>
        <translation>DNS-Header</translation>
    </message>
    <message>
        <source>Domain Name System (response)</source>
        <translation>Domain Name System (Antwort)</translation>
    </message>
    <message>
        <source>Domain Name System (query)</source>
        <translation>Domain Name System (Anfrage)</translation>
    </message>
    <message>
        <source>Transaction ID: %1</source>
        <translation>Transaktions-ID: %1</translation>
    </message>
    <message>
        <source>Flags: %1 %2</source>
        <translation>Flags: %1 %2</translation>
    </message>
    <message>
        <source> response</source>
        <translation> Antwort</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>Fragen: %1</translation>
    </message>
    <message>
        <source>Answer RRs: %1</source>
        <translation>Antwort-RRs: %1</translation>
    </message>
    <message>
        <source>Authority RRs: %1</source>
        <translation>Autoritäts-RRs: %1</translation>
    </message>
    <message>
        <source>Additional RRs: %1</source>
        <translation>Zusätzliche RRs: %1</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>%1: type %2, class %3</source>
        <translation>%1: Typ %2, Klasse %3</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>%1: type %2, ttl %3%4</source>
        <translation>%1: Typ %2, TTL %3%4</translation>
    </message>
    <message>
        <source>DNS message</source>
        <translation>DNS-Nachricht</translation>
    </message>
    <message>
        <source>DNS record runs past the message</source>
        <translation>DNS-Eintrag reicht über die Nachricht hinaus</translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation>Transmission Control Protocol</translation>
    </message>
    <message>
        <source>TCP header beyond the IP payload</source>
        <translation>TCP-Header jenseits der IP-Nutzdaten</translation>
    </message>
    <message>
        <source>TCP header</source>
        <translation>TCP-Header</translation>
    </message>
    <message>
        <source>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</source>
        <translation>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</translation>
    </message>
    <message>
        <source>Source Port: %1</source>
        <translation>Quellport: %1</translation>
    </message>
    <message>
        <source>Destination Port: %1</source>
        <translation>Zielport: %1</translation>
    </message>
    <message>
        <source>Sequence Number: %1</source>
        <translation>Sequenznummer: %1</translation>
    </message>
    <message>
        <source>Acknowledgment Number: %1</source>
        <translation>Bestätigungsnummer: %1</translation>
    </message>
    <message>
        <source>Flags: %1 (%2)</source>
        <translation>Flags: %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Gesetzt</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Window: %1</source>
        <translation>Fenster: %1</translation>
    </message>
    <message>
        <source>Checksum: %1</source>
        <translation>Prüfsumme: %1</translation>
    </message>
    <message>
        <source>Urgent Pointer: %1</source>
        <translation>Urgent-Zeiger: %1</translation>
    </message>
    <message>
        <source>TCP header length %1 &lt; 20</source>
        <translation>TCP-Header-Länge %1 &lt; 20</translation>
    </message>
    <message>
        <source>TCP header length %1 beyond the IP payload</source>
        <translation>TCP-Header-Länge %1 jenseits der IP-Nutzdaten</translation>
    </message>
    <message>
        <source>: %1 bytes</source>
        <translation>: %1 Byte</translation>
    </message>
    <message>
        <source>: %1 (multiply by %2)</source>
        <translation>: %1 (mal %2)</translation>
    </message>
    <message>
        <source>: TSval %1, TSecr %2</source>
        <translation>: TSval %1, TSecr %2</translation>
    </message>
    <message>
        <source>TCP options</source>
        <translation>TCP-Optionen</translation>
    </message>
    <message>
        <source>TCP payload (%1 bytes)</source>
        <translation>TCP-Nutzdaten (%1 Byte)</translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation>User Datagram Protocol</translation>
    </message>
    <message>
        <source>UDP header beyond the IP payload</source>
        <translation>UDP-Header jenseits der IP-Nutzdaten</translation>
    </message>
    <message>
        <source>UDP header</source>
        <translation>UDP-Header</translation>
    </message>
    <message>
        <source>User Datagram Protocol, Src Port: %1, Dst Port: %2</source>
        <translation>User Datagram Protocol, Src Port: %1, Dst Port: %2</translation>
    </message>
    <message>
        <source>UDP length %1</source>
        <translation>UDP-Länge %1</translation>
    </message>
    <message>
        <source>Internet Control Message Protocol</source>
        <translation>Internet Control Message Protocol</translation>
    </message>
    <message>
        <source>ICMP header</source>
        <translation>ICMP-Header</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>ICMP echo header</source>
        <translation>ICMP-Echo-Header</translation>
    </message>
    <message>
        <source>Identifier (BE): %1 (%2)</source>
        <translation>Kennung (BE): %1 (%2)</translation>
    </message>
    <message>
        <source>Sequence Number (BE): %1 (%2)</source>
        <translation>Sequenznummer (BE): %1 (%2)</translation>
    </message>
    <message>
        <source>Original datagram (%1 bytes)</source>
        <translation>Ursprüngliches Datagramm (%1 Byte)</translation>
    </message>
    <message>
        <source>ICMPv6 option</source>
        <translation>ICMPv6-Option</translation>
    </message>
    <message>
        <source>ICMPv6 option of length 0</source>
        <translation>ICMPv6-Option der Länge 0</translation>
    </message>
    <message>
        <source>ICMPv6 Option (type %1, %2 bytes)</source>
        <translation>ICMPv6-Option (Typ %1, %2 Byte)</translation>
    </message>
    <message>
        <source>Source link-layer address: %1</source>
        <translation>Quell-Link-Layer-Adresse: %1</translation>
    </message>
    <message>
        <source>Target link-layer address: %1</source>
        <translation>Ziel-Link-Layer-Adresse: %1</translation>
    </message>
    <message>
        <source>Prefix information (%1 bytes)</source>
        <translation>Präfixinformation (%1 Byte)</translation>
    </message>
    <message>
        <source>MTU (%1 bytes)</source>
        <translation>MTU (%1 Byte)</translation>
    </message>
    <message>
        <source>Internet Control Message Protocol v6</source>
        <translation>Internet Control Message Protocol v6</translation>
    </message>
    <message>
        <source>ICMPv6 header</source>
        <translation>ICMPv6-Header</translation>
    </message>
    <message>
        <source>ICMPv6 echo header</source>
        <translation>ICMPv6-Echo-Header</translation>
    </message>
    <message>
        <source>Identifier: %1</source>
        <translation>Kennung: %1</translation>
    </message>
    <message>
        <source>Sequence: %1</source>
        <translation>Sequenz: %1</translation>
    </message>
    <message>
        <source>ICMPv6 router message</source>
        <translation>ICMPv6-Router-Nachricht</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>ICMPv6 neighbor message</source>
        <translation>ICMPv6-Nachbarnachricht</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Solicited</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Target Address: %1</source>
        <translation>Zieladresse: %1</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> für %1</translation>
    </message>
    <message>
        <source> is at %1</source>
        <translation> ist bei %1</translation>
    </message>
    <message>
        <source>Message body (%1 bytes)</source>
        <translation>Nachrichtenrumpf (%1 Byte)</translation>
    </message>
</context>
<context>
    <name>pr::HelperClient</name>
    <message>
        <source>Recording did not start: the permission service (polkit) is not running, so there is no one to ask for a password. Ask your administrator to start polkit and the system D-Bus, or to let you record without a password.</source>
        <translation>Die Aufzeichnung wurde nicht gestartet: Der Berechtigungsdienst (polkit) läuft nicht, daher kann niemand nach einem Passwort fragen. Bitten Sie Ihre Administration, polkit und den System-D-Bus zu starten oder Ihnen das Aufzeichnen ohne Passwort zu erlauben.</translation>
    </message>
    <message>
        <source>Recording did not start: no password prompt could be shown, because no polkit authentication agent is running in this session. Log in to a desktop session that has one, or start one (such as lxpolkit or polkit-kde-agent-1), then click Record again.</source>
        <translation>Die Aufzeichnung wurde nicht gestartet: Es konnte keine Passwortabfrage angezeigt werden, weil in dieser Sitzung kein polkit-Authentifizierungsagent läuft. Melden Sie sich an einer Desktop-Sitzung mit Agent an oder starten Sie einen (etwa lxpolkit oder polkit-kde-agent-1) und klicken Sie erneut auf „Aufzeichnen“.</translation>
    </message>
    <message>
        <source>Recording did not start: the password prompt was closed. Click Record again and enter the password to record.</source>
        <translation>Die Aufzeichnung wurde nicht gestartet: Die Passwortabfrage wurde geschlossen. Klicken Sie erneut auf „Aufzeichnen“ und geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Recording did not start: the password was not accepted, or your account is not allowed to record. Try again, or ask your administrator for permission to record.</source>
        <translation>Die Aufzeichnung wurde nicht gestartet: Das Passwort wurde nicht akzeptiert oder Ihr Konto darf nicht aufzeichnen. Versuchen Sie es erneut oder bitten Sie Ihre Administration um die Berechtigung.</translation>
    </message>
    <message>
        <source>Recording did not start: pkexec could not start the recording helper (exit code %1).</source>
        <extracomment>%1 is pkexec&apos;s exit code</extracomment>
        <translation>Die Aufzeichnung wurde nicht gestartet: pkexec konnte das Aufzeichnungshilfsprogramm nicht starten (Exit-Code %1).</translation>
    </message>
    <message>
        <source>It reported: %1</source>
        <extracomment>Follows the sentence above; %1 is pkexec&apos;s last message (English)
----------
Follows the crash sentence; %1 is the helper&apos;s last log line (English)</extracomment>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>Recording is restricted on this computer: your account may not run the recording helper %1. Ask your administrator for access, or reinstall Packet Recorder if recording used to work.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation>Das Aufzeichnen ist auf diesem Rechner eingeschränkt: Ihr Konto darf das Aufzeichnungshilfsprogramm %1 nicht ausführen. Bitten Sie Ihre Administration um Zugriff oder installieren Sie Packet Recorder neu, falls das Aufzeichnen früher funktioniert hat.</translation>
    </message>
    <message>
        <source>The recording helper is not installed: there is no %1. Reinstall Packet Recorder (the packet-recorder package) to restore it.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation>Das Aufzeichnungshilfsprogramm ist nicht installiert: %1 fehlt. Installieren Sie Packet Recorder (das Paket packet-recorder) neu, um es wiederherzustellen.</translation>
    </message>
    <message>
        <source>The recording helper is not installed: %1 is not a program. Reinstall Packet Recorder (the packet-recorder package) to restore it.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation>Das Aufzeichnungshilfsprogramm ist nicht installiert: %1 ist kein Programm. Installieren Sie Packet Recorder (das Paket packet-recorder) neu, um es wiederherzustellen.</translation>
    </message>
    <message>
        <source>Recording needs pkexec to ask for your password, and it is not installed (there is no %1). Install the pkexec package, or ask your administrator to.</source>
        <extracomment>%1 is where pkexec was looked for, such as /usr/bin/pkexec</extracomment>
        <translation>Zum Aufzeichnen fragt pkexec nach Ihrem Passwort, es ist aber nicht installiert (%1 fehlt). Installieren Sie das Paket pkexec oder bitten Sie Ihre Administration darum.</translation>
    </message>
    <message>
        <source>Could not create a channel to the recording helper: %1.</source>
        <translation>Es konnte kein Kanal zum Aufzeichnungshilfsprogramm erstellt werden: %1.</translation>
    </message>
    <message>
        <source>The recording helper sent a message that could not be read; the recording was stopped.</source>
        <translation>Das Aufzeichnungshilfsprogramm hat eine unlesbare Nachricht gesendet; die Aufzeichnung wurde gestoppt.</translation>
    </message>
    <message>
        <source>The recording helper (version %1) does not match this application; please reinstall it.</source>
        <extracomment>%1 is a version number like 0.1.0</extracomment>
        <translation>Das Aufzeichnungshilfsprogramm (Version %1) passt nicht zu dieser Anwendung; bitte neu installieren.</translation>
    </message>
    <message>
        <source>The recording helper crashed.</source>
        <translation>Das Aufzeichnungshilfsprogramm ist abgestürzt.</translation>
    </message>
    <message>
        <source>The recording helper exited unexpectedly (exit code %1).</source>
        <translation>Das Aufzeichnungshilfsprogramm wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <source>Could not start %1: %2.</source>
        <extracomment>%1 is a program path, %2 the system&apos;s reason</extracomment>
        <translation>%1 konnte nicht gestartet werden: %2.</translation>
    </message>
</context>
<context>
    <name>pr::InterfaceListModel</name>
    <message>
        <source>All interfaces (any)</source>
        <translation>Alle Schnittstellen (any)</translation>
    </message>
    <message>
        <source>Record from every interface at once</source>
        <translation>Auf allen Schnittstellen gleichzeitig aufzeichnen</translation>
    </message>
    <message>
        <source>%1 (index %2)</source>
        <translation>%1 (Index %2)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>No carrier</source>
        <translation>Kein Träger</translation>
    </message>
    <message>
        <source>Now: %1
Peak in the last minute: %2</source>
        <translation>Aktuell: %1
Spitze in der letzten Minute: %2</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Traffic (last minute)</source>
        <extracomment>Column with a small graph of the last minute of traffic</extracomment>
        <translation>Verkehr (letzte Minute)</translation>
    </message>
</context>
<context>
    <name>pr::InterfacePicker</name>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Network interfaces with their state, addresses and recent traffic</source>
        <translation>Netzwerkschnittstellen mit Status, Adressen und aktuellem Verkehr</translation>
    </message>
</context>
<context>
    <name>pr::LanguageSetting</name>
    <message>
        <source>System</source>
        <extracomment>Language setting: follow the desktop&apos;s language</extracomment>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>pr::MainWindow</name>
    <message>
        <source>Packet Recorder</source>
        <translation>Packet Recorder</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <extracomment>Tab title: the list of network interfaces</extracomment>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Capture options</source>
        <translation>Mitschnittoptionen</translation>
    </message>
    <message>
        <source>Interfaces and options</source>
        <translation>Schnittstellen und Optionen</translation>
    </message>
    <message>
        <source>Options</source>
        <extracomment>Tab title: capture filter, file format, output folder, auto-stop</extracomment>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Throughput chart</source>
        <translation>Durchsatzdiagramm</translation>
    </message>
    <message>
        <source>Packet list</source>
        <translation>Paketliste</translation>
    </message>
    <message>
        <source>Packet details</source>
        <translation>Paketdetails</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Aufzeichnen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop recording and finish the file</source>
        <translation>Aufzeichnung stoppen und Datei abschließen</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>&amp;Optionen…</translation>
    </message>
    <message>
        <source>Show the capture options</source>
        <translation>Mitschnittoptionen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a saved capture file</source>
        <translation>Gespeicherte Mitschnittdatei öffnen</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the recording under another name or format</source>
        <translation>Aufzeichnung unter anderem Namen oder Format speichern</translation>
    </message>
    <message>
        <source>Open in &amp;Wireshark</source>
        <translation>In &amp;Wireshark öffnen</translation>
    </message>
    <message>
        <source>Open the capture file in Wireshark</source>
        <translation>Mitschnittdatei in Wireshark öffnen</translation>
    </message>
    <message>
        <source>Open Containing &amp;Folder</source>
        <translation>Speicher&amp;ort öffnen</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <extracomment>Short toolbar label of File &gt; Open Containing Folder</extracomment>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Show the folder that holds the capture file</source>
        <translation>Ordner mit der Mitschnittdatei anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Auto-Scroll</source>
        <translation>&amp;Automatisch scrollen</translation>
    </message>
    <message>
        <source>Keep the newest packet in view while recording</source>
        <translation>Beim Aufzeichnen das neueste Paket sichtbar halten</translation>
    </message>
    <message>
        <source>Seconds Since &amp;Start</source>
        <extracomment>View &gt; Time Format: seconds since the first packet</extracomment>
        <translation>Sekunden seit &amp;Start</translation>
    </message>
    <message>
        <source>&amp;Time of Day</source>
        <extracomment>View &gt; Time Format: wall-clock time of day</extracomment>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;About Packet Recorder</source>
        <translation>Ü&amp;ber Packet Recorder</translation>
    </message>
    <message>
        <source>About Packet Recorder</source>
        <translation>Über Packet Recorder</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Packet Recorder %1&lt;/h3&gt;&lt;p&gt;Records network traffic to pcap and pcapng files that open in Wireshark, tcpdump and every other pcap tool.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Packet Recorder %1&lt;/h3&gt;&lt;p&gt;Zeichnet Netzwerkverkehr in pcap- und pcapng-Dateien auf, die sich in Wireshark, tcpdump und jedem anderen pcap-Werkzeug öffnen lassen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Recent captures</source>
        <translation>Letzte Mitschnitte</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Mitschnitt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Time &amp;Format</source>
        <translation>Zeit&amp;format</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>No packets yet.
Choose an interface and click Record (%1), or double-click the interface.</source>
        <translation>Noch keine Pakete.
Schnittstelle wählen und „Aufzeichnen“ (%1) klicken oder die Schnittstelle doppelklicken.</translation>
    </message>
    <message>
        <source>Waiting for permission to record…
Answer the password prompt to start.</source>
        <translation>Warte auf Berechtigung zum Aufzeichnen…
Zum Starten die Passwortabfrage beantworten.</translation>
    </message>
    <message>
        <source>Starting the recording…</source>
        <translation>Aufzeichnung startet…</translation>
    </message>
    <message>
        <source>Waiting for packets…</source>
        <translation>Warte auf Pakete…</translation>
    </message>
    <message>
        <source>Start recording on the selected interface</source>
        <translation>Aufzeichnung auf der gewählten Schnittstelle starten</translation>
    </message>
    <message>
        <source>You will be asked for your password</source>
        <translation>Sie werden nach Ihrem Passwort gefragt</translation>
    </message>
    <message>
        <source>A recording is running. Stop it and keep the file?</source>
        <translation>Eine Aufzeichnung läuft. Stoppen und Datei behalten?</translation>
    </message>
    <message>
        <source>Keep the recording before closing?</source>
        <translation>Aufzeichnung vor dem Schließen behalten?</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>&amp;Keep File</source>
        <extracomment>Button: keep the recorded file where it is</extracomment>
        <translation>Datei &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Delete File</source>
        <extracomment>Button: delete the recorded file</extracomment>
        <translation>Datei &amp;löschen</translation>
    </message>
    <message>
        <source>The recording is in %1.</source>
        <translation>Die Aufzeichnung liegt in %1.</translation>
    </message>
    <message>
        <source>Recording deleted</source>
        <translation>Aufzeichnung gelöscht</translation>
    </message>
    <message>
        <source>Open in Wireshark</source>
        <translation>In Wireshark öffnen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>pcap, nanosecond timestamps (*.pcap)</source>
        <translation>pcap, Nanosekunden-Zeitstempel (*.pcap)</translation>
    </message>
    <message>
        <source>pcap, microsecond timestamps, for older tools (*.pcap)</source>
        <translation>pcap, Mikrosekunden-Zeitstempel, für ältere Werkzeuge (*.pcap)</translation>
    </message>
    <message>
        <source>pcapng (*.pcapng)</source>
        <translation>pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>Save Capture As</source>
        <translation>Mitschnitt speichern unter</translation>
    </message>
    <message>
        <source>The capture could not be saved. %1</source>
        <translation>Der Mitschnitt konnte nicht gespeichert werden. %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>There is no finished capture to save.</source>
        <translation>Es gibt keinen abgeschlossenen Mitschnitt zum Speichern.</translation>
    </message>
    <message>
        <source>Capture files (*.pcap *.pcapng *.cap *.dmp *.ntar)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation>Mitschnittdateien (*.pcap *.pcapng *.cap *.dmp *.ntar)</translation>
    </message>
    <message>
        <source>pcap (*.pcap *.cap *.dmp)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation>pcap (*.pcap *.cap *.dmp)</translation>
    </message>
    <message>
        <source>pcapng (*.pcapng *.ntar)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation>pcapng (*.pcapng *.ntar)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <extracomment>File &gt; Open filter; keep the pattern in parentheses as it is</extracomment>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Capture File</source>
        <translation>Mitschnittdatei öffnen</translation>
    </message>
    <message>
        <source>Keep the recording before opening another file?</source>
        <translation>Aufzeichnung vor dem Öffnen einer anderen Datei behalten?</translation>
    </message>
    <message>
        <source>%1 cannot be opened. %2</source>
        <translation>%1 kann nicht geöffnet werden. %2</translation>
    </message>
    <message>
        <source>Wireshark is not installed. The capture file is %1.</source>
        <translation>Wireshark ist nicht installiert. Die Mitschnittdatei ist %1.</translation>
    </message>
    <message>
        <source>Wireshark could not be started. The capture file is %1.</source>
        <translation>Wireshark konnte nicht gestartet werden. Die Mitschnittdatei ist %1.</translation>
    </message>
    <message>
        <source>No file manager could be started. The capture file is %1.</source>
        <translation>Es konnte kein Dateimanager gestartet werden. Die Mitschnittdatei ist %1.</translation>
    </message>
    <message>
        <source>There is no interface named %1.</source>
        <translation>Es gibt keine Schnittstelle namens %1.</translation>
    </message>
    <message>
        <source>Packet Recorder has no permission to capture on this computer.</source>
        <translation>Packet Recorder hat keine Berechtigung, auf diesem Rechner mitzuschneiden.</translation>
    </message>
    <message>
        <source>The interface %1 is gone.</source>
        <translation>Die Schnittstelle %1 ist verschwunden.</translation>
    </message>
    <message>
        <source>The interface %1 is down.</source>
        <translation>Die Schnittstelle %1 ist inaktiv.</translation>
    </message>
    <message>
        <source>Packet Recorder cannot record on %1: its link type is not supported.</source>
        <translation>Packet Recorder kann auf %1 nicht aufzeichnen: Der Linktyp wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The capture filter is not valid.</source>
        <translation>Der Mitschnittfilter ist ungültig.</translation>
    </message>
    <message>
        <source>The capture file cannot be written. Is the disk full, or the output folder read-only?</source>
        <translation>Die Mitschnittdatei kann nicht geschrieben werden. Ist der Datenträger voll oder der Ausgabeordner schreibgeschützt?</translation>
    </message>
    <message>
        <source>The capture helper stopped unexpectedly.</source>
        <translation>Das Mitschnitthilfsprogramm wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>The capture helper belongs to another version of Packet Recorder. Reinstall the application.</source>
        <translation>Das Mitschnitthilfsprogramm gehört zu einer anderen Version von Packet Recorder. Installieren Sie die Anwendung neu.</translation>
    </message>
    <message>
        <source>A capture option is out of range.</source>
        <translation>Eine Mitschnittoption liegt außerhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <source>The ring buffer is larger than this user may reserve.</source>
        <extracomment>The helper&apos;s message follows with the limit in MiB.</extracomment>
        <translation>Der Ringpuffer ist größer, als dieser Benutzer reservieren darf.</translation>
    </message>
    <message>
        <source>You already run as many recordings at once as one user may.</source>
        <extracomment>The helper&apos;s message follows with the number of recordings allowed.</extracomment>
        <translation>Sie führen bereits so viele Aufzeichnungen gleichzeitig aus, wie ein Benutzer darf.</translation>
    </message>
    <message>
        <source>The capture file already exists and was not replaced.</source>
        <translation>Die Mitschnittdatei existiert bereits und wurde nicht ersetzt.</translation>
    </message>
    <message>
        <source>Recording failed.</source>
        <translation>Aufzeichnung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Choose an interface to record on.</source>
        <translation>Schnittstelle für die Aufzeichnung wählen.</translation>
    </message>
    <message>
        <source>Keep the previous recording?</source>
        <translation>Vorherige Aufzeichnung behalten?</translation>
    </message>
    <message>
        <source>The output folder %1 cannot be created.</source>
        <translation>Der Ausgabeordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %Ln packet(s) to %1.</source>
        <extracomment>After a recording; %1 is a file path</extracomment>
        <translation>
            <numerusform>%Ln Paket in %1 aufgezeichnet.</numerusform>
            <numerusform>%Ln Pakete in %1 aufgezeichnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk of %1 is full, so the recording stopped. %Ln packet(s) were recorded to %2 and %3 were lost. The file is complete up to the last recorded packet.</source>
        <extracomment>The recording stopped on a full disk. %1 is the output folder, %2 the file, %3 the number of packets that did not fit. The file is complete and usable.</extracomment>
        <translation>
            <numerusform>Der Datenträger von %1 ist voll, daher wurde die Aufzeichnung gestoppt: %Ln Paket in %2 aufgezeichnet, %3 verloren. Die Datei ist bis zum letzten aufgezeichneten Paket vollständig.</numerusform>
            <numerusform>Der Datenträger von %1 ist voll, daher wurde die Aufzeichnung gestoppt: %Ln Pakete in %2 aufgezeichnet, %3 verloren. Die Datei ist bis zum letzten aufgezeichneten Paket vollständig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minute(s). The recording stops when the disk is full.</source>
        <extracomment>Before a recording. %1 is the output folder, %2 its free space (e.g. &quot;300 MB&quot;). The rate assumed is that of a busy 100 Mbit/s link.</extracomment>
        <translation>
            <numerusform>In %1 sind nur %2 frei: Bei ausgelasteten 100 Mbit/s reicht das für %Ln Minute. Die Aufzeichnung stoppt, wenn der Datenträger voll ist.</numerusform>
            <numerusform>In %1 sind nur %2 frei: Bei ausgelasteten 100 Mbit/s reicht das für %Ln Minuten. Die Aufzeichnung stoppt, wenn der Datenträger voll ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %2 is free in %1: at the current rate the disk is full in %Ln minute(s), and the recording stops then.</source>
        <extracomment>While recording. %1 is the output folder, %2 its free space (e.g. &quot;300 MB&quot;).</extracomment>
        <translation>
            <numerusform>In %1 sind nur %2 frei: Bei der aktuellen Rate ist der Datenträger in %Ln Minute voll; dann stoppt die Aufzeichnung.</numerusform>
            <numerusform>In %1 sind nur %2 frei: Bei der aktuellen Rate ist der Datenträger in %Ln Minuten voll; dann stoppt die Aufzeichnung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %Ln packet(s) to a set of files; the newest is %1.</source>
        <extracomment>After a recording split into a set of files; %1 is the path of the newest</extracomment>
        <translation>
            <numerusform>%Ln Paket in einen Dateisatz aufgezeichnet; die neueste Datei ist %1.</numerusform>
            <numerusform>%Ln Pakete in einen Dateisatz aufgezeichnet; die neueste Datei ist %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recording is split into numbered files: %1, %2, … in %3.</source>
        <extracomment>%1 and %2 are the first two file names of a split recording (number and start time), %3 the folder</extracomment>
        <translation>Die Aufzeichnung wird in nummerierte Dateien aufgeteilt: %1, %2, … in %3.</translation>
    </message>
    <message>
        <source>There are no interfaces named %1.</source>
        <translation>Es gibt keine Schnittstellen namens %1.</translation>
    </message>
    <message>
        <source>One of the interfaces %1 is gone.</source>
        <extracomment>%1 lists the interfaces (&quot;eth0 and eth1&quot;); the helper&apos;s sentence follows</extracomment>
        <translation>Eine der Schnittstellen %1 ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>The interfaces %1 all went down or were removed; the file keeps their packets until then.</source>
        <translation>Die Schnittstellen %1 sind alle deaktiviert oder entfernt worden; die Datei enthält ihre Pakete bis dahin.</translation>
    </message>
    <message numerus="yes">
        <source>A pcap file holds one interface: choose pcapng in Options to record %n interfaces into one file, or select only one.</source>
        <translation>
            <numerusform>Eine pcap-Datei enthält nur eine Schnittstelle: Wählen Sie pcapng in den Optionen, um %n Schnittstelle in eine Datei aufzuzeichnen, oder wählen Sie nur eine aus.</numerusform>
            <numerusform>Eine pcap-Datei enthält nur eine Schnittstelle: Wählen Sie pcapng in den Optionen, um %n Schnittstellen in eine Datei aufzuzeichnen, oder wählen Sie nur eine aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording of %1 ended: the interface went down or was removed; the others go on.</source>
        <translation>Die Aufzeichnung von %1 ist beendet: Die Schnittstelle wurde deaktiviert oder entfernt; die anderen laufen weiter.</translation>
    </message>
    <message>
        <source>Interface: %1</source>
        <translation>Schnittstelle: %1</translation>
    </message>
    <message>
        <source>&amp;Go to Packet…</source>
        <translation>&amp;Gehe zu Paket…</translation>
    </message>
    <message>
        <source>Show the packet with a given number</source>
        <translation>Das Paket mit einer bestimmten Nummer zeigen</translation>
    </message>
    <message>
        <source>Go to Packet</source>
        <translation>Gehe zu Paket</translation>
    </message>
    <message>
        <source>Packet number (%1 to %2):</source>
        <extracomment>%1 and %2 are the first and last packet numbers in the list</extracomment>
        <translation>Paketnummer (%1 bis %2):</translation>
    </message>
    <message>
        <source>There is no packet %1 in the list: it holds packets %2 to %3.</source>
        <translation>Paket %1 ist nicht in der Liste: sie enthält die Pakete %2 bis %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 could not be read to its end. %2 The list shows the %Ln packet(s) before that point.</source>
        <extracomment>%1 is a file path, %2 what is wrong with it; %Ln the packets the list shows</extracomment>
        <translation>
            <numerusform>%1 konnte nicht bis zum Ende gelesen werden. %2 Die Liste zeigt das %Ln Paket vor dieser Stelle.</numerusform>
            <numerusform>%1 konnte nicht bis zum Ende gelesen werden. %2 Die Liste zeigt die %Ln Pakete vor dieser Stelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1, packet %2</source>
        <translation>Datei: %1, Paket %2</translation>
    </message>
    <message>
        <source>Programs</source>
        <extracomment>Tab title: traffic per program (which program sent each packet)</extracomment>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Throughput and programs</source>
        <translation>Durchsatz und Programme</translation>
    </message>
    <message>
        <source>Throughput</source>
        <extracomment>Tab title: the live chart of bits and packets per second</extracomment>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Show &amp;All Packets</source>
        <translation>&amp;Alle Pakete anzeigen</translation>
    </message>
    <message>
        <source>Show every packet again, not one program&apos;s</source>
        <translation>Wieder alle Pakete anzeigen, nicht nur die eines Programms</translation>
    </message>
    <message>
        <source>Add Re&amp;mote Machine…</source>
        <translation>Entfernten &amp;Rechner hinzufügen…</translation>
    </message>
    <message>
        <source>Record the interfaces of another machine over ssh</source>
        <translation>Die Schnittstellen eines anderen Rechners über ssh aufzeichnen</translation>
    </message>
</context>
<context>
    <name>pr::MessageBar</name>
    <message>
        <source>Message bar</source>
        <translation>Meldungsleiste</translation>
    </message>
    <message>
        <source>Message icon</source>
        <translation>Meldungssymbol</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>pr::PacketDetailView</name>
    <message>
        <source>Bytes %1–%2 (%3)</source>
        <translation>Bytes %1–%2 (%3)</translation>
    </message>
    <message>
        <source>Packet layers</source>
        <translation>Paketschichten</translation>
    </message>
    <message>
        <source>Packet bytes</source>
        <translation>Paketbytes</translation>
    </message>
    <message>
        <source>Select a packet to see its layers and bytes.</source>
        <translation>Ein Paket auswählen, um Schichten und Bytes zu sehen.</translation>
    </message>
    <message>
        <source>Frame %1: </source>
        <translation>Frame %1: </translation>
    </message>
    <message>
        <source>Frame: </source>
        <translation>Frame: </translation>
    </message>
    <message>
        <source>%1 on wire, %2 captured</source>
        <translation>%1 auf der Leitung, %2 mitgeschnitten</translation>
    </message>
    <message>
        <source>(first %1 shown)</source>
        <translation>(erste %1 angezeigt)</translation>
    </message>
    <message>
        <source>Arrival Time: %1.%2</source>
        <translation>Ankunftszeit: %1.%2</translation>
    </message>
    <message>
        <source>Epoch Time: %1.%2 seconds</source>
        <translation>Epochenzeit: %1.%2 Sekunden</translation>
    </message>
    <message>
        <source>Direction: In (received by this host)</source>
        <translation>Richtung: Ein (von diesem Host empfangen)</translation>
    </message>
    <message>
        <source>Direction: Out (sent by this host)</source>
        <translation>Richtung: Aus (von diesem Host gesendet)</translation>
    </message>
    <message>
        <source>Direction: Other (between other hosts)</source>
        <translation>Richtung: Andere (zwischen anderen Hosts)</translation>
    </message>
    <message>
        <source>Interface index: %1</source>
        <translation>Schnittstellenindex: %1</translation>
    </message>
    <message>
        <source>Frame Length: %1</source>
        <translation>Frame-Länge: %1</translation>
    </message>
    <message>
        <source>Capture Length: %1</source>
        <translation>Mitgeschnittene Länge: %1</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>Ethernet</translation>
    </message>
    <message>
        <source>Raw IP</source>
        <translation>Raw IP</translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation>Linux cooked capture v2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Link type: %1 (%2)</source>
        <translation>Linktyp: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>Packet comments</source>
        <extracomment>Detail tree: the node holding a packet&apos;s pcapng comments, as in Wireshark</extracomment>
        <translation>Paketkommentare</translation>
    </message>
</context>
<context>
    <name>pr::PacketListModel</name>
    <message>
        <source>In</source>
        <extracomment>Packet direction column: received by this host</extracomment>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <extracomment>Packet direction column: sent by this host</extracomment>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Other</source>
        <extracomment>Packet direction column: between other hosts (promiscuous mode)</extracomment>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Received by this host</source>
        <translation>Von diesem Host empfangen</translation>
    </message>
    <message>
        <source>Sent by this host</source>
        <translation>Von diesem Host gesendet</translation>
    </message>
    <message>
        <source>Between other hosts, seen in promiscuous mode</source>
        <translation>Zwischen anderen Hosts, im promiskuitiven Modus gesehen</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>Column header: packet number</extracomment>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Dir.</source>
        <extracomment>Column header: In/Out/Other</extracomment>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Seconds since the first packet</source>
        <translation>Sekunden seit dem ersten Paket</translation>
    </message>
    <message>
        <source>Local time the packet was captured</source>
        <translation>Ortszeit, zu der das Paket mitgeschnitten wurde</translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>%1 on the wire, %2 captured</source>
        <extracomment>Tooltip of a truncated packet&apos;s length; %1 and %2 are byte counts</extracomment>
        <translation>%1 auf der Leitung, %2 mitgeschnitten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>?</source>
        <extracomment>Packet direction column: the file does not record the direction</extracomment>
        <translation>?</translation>
    </message>
    <message>
        <source>Recorded; the list reads it from the file in a moment</source>
        <translation>Aufgezeichnet; die Liste liest es gleich aus der Datei</translation>
    </message>
    <message>
        <source>The file does not record whether this packet was sent or received</source>
        <translation>Die Datei hält nicht fest, ob dieses Paket gesendet oder empfangen wurde</translation>
    </message>
    <message numerus="yes">
        <source>Packet number since the start of the recording. The files of the oldest %Ln packet(s) were deleted to keep the newest files only.</source>
        <translation>
            <numerusform>Paketnummer seit Beginn der Aufzeichnung. Die Dateien des ältesten %Ln Pakets wurden gelöscht, um nur die neuesten Dateien zu behalten.</numerusform>
            <numerusform>Paketnummer seit Beginn der Aufzeichnung. Die Dateien der ältesten %Ln Pakete wurden gelöscht, um nur die neuesten Dateien zu behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Packet number in the file, as Wireshark numbers it</source>
        <translation>Paketnummer in der Datei, wie Wireshark sie zählt</translation>
    </message>
    <message>
        <source>Direction relative to this host: In, Out, or Other (between other hosts); ? where the file does not record it</source>
        <translation>Richtung bezogen auf diesen Host: Ein, Aus oder Andere (zwischen anderen Hosts); ? wo die Datei sie nicht festhält</translation>
    </message>
    <message>
        <source>Program</source>
        <extracomment>Column header: the program that sent or received the packet</extracomment>
        <translation>Programm</translation>
    </message>
    <message>
        <source>The program on this computer that sent or received the packet, from the recording or the file&apos;s packet comments; sender → receiver when both are here</source>
        <translation>Das Programm auf diesem Computer, das das Paket gesendet oder empfangen hat, aus der Aufzeichnung oder den Paketkommentaren der Datei; Sender → Empfänger, wenn beide hier sind</translation>
    </message>
    <message>
        <source>A pcap file stores no programs: only the packets the recorder reported while the filter was on are shown. Record to pcapng to filter every packet.</source>
        <translation>Eine pcap-Datei speichert keine Programme: Gezeigt werden nur die Pakete, die das Aufzeichnungshilfsprogramm gemeldet hat, während der Filter aktiv war. Zeichnen Sie im Format pcapng auf, um jedes Paket zu filtern.</translation>
    </message>
    <message>
        <source>This file is pcap, which stores no programs: no packet can be shown for a program.</source>
        <translation>Diese Datei ist im Format pcap, das keine Programme speichert: Für ein Programm kann kein Paket gezeigt werden.</translation>
    </message>
    <message>
        <source>Interface</source>
        <extracomment>Column header: the interface a packet was recorded on</extracomment>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>The interface the packet was recorded on, as the file names it; machine:interface for another machine&apos;s</source>
        <translation>Die Schnittstelle, auf der das Paket aufgezeichnet wurde, wie die Datei sie nennt; Rechner:Schnittstelle bei einem anderen Rechner</translation>
    </message>
</context>
<context>
    <name>pr::PacketListView</name>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Packet list position</source>
        <translation>Position in der Paketliste</translation>
    </message>
</context>
<context>
    <name>pr::PacketPrograms</name>
    <message>
        <source>user %1</source>
        <extracomment>Program column: only the account owning the socket is known; %1 is its name</extracomment>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>A program of user %1 (another user&apos;s, or one that has ended)</source>
        <extracomment>Program column tool tip; %1 is an account name such as root</extracomment>
        <translation>Ein Programm des Benutzers %1 (eines anderen Benutzers oder ein beendetes)</translation>
    </message>
    <message>
        <source>%1, process %2, user %3</source>
        <extracomment>Program column tool tip; %1 process name, %2 process id, %3 account name</extracomment>
        <translation>%1, Prozess %2, Benutzer %3</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>Program column when both ends are programs of this machine: sender → receiver</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>From: %1
To: %2</source>
        <extracomment>Program column tool tip when both ends are programs of this machine</extracomment>
        <translation>Von: %1
An: %2</translation>
    </message>
</context>
<context>
    <name>pr::ProgramListModel</name>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Other user</source>
        <extracomment>Programs view: traffic of another user&apos;s programs, which this user may not look into (the User column names the account)</extracomment>
        <translation>Anderer Benutzer</translation>
    </message>
    <message>
        <source>Not attributed</source>
        <extracomment>Programs view: TCP/UDP traffic no socket owner was found for</extracomment>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Not TCP/UDP</source>
        <extracomment>Programs view: traffic that is neither TCP nor UDP (ARP, ICMP, ...), which belongs to no program&apos;s socket</extracomment>
        <translation>Nicht TCP/UDP</translation>
    </message>
    <message>
        <source>%1 (PID %2, user %3)
%4</source>
        <extracomment>Programs view tool tip. %1 program name, %2 process id, %3 account, %4 the command line it was started with</extracomment>
        <translation>%1 (PID %2, Benutzer %3)
%4</translation>
    </message>
    <message>
        <source>TCP and UDP packets whose socket was not found: a connection that closed before it could be looked up, or traffic passing through.</source>
        <translation>TCP- und UDP-Pakete, deren Socket nicht gefunden wurde: eine Verbindung, die vor der Abfrage geschlossen wurde, oder durchgeleiteter Verkehr.</translation>
    </message>
    <message>
        <source>Packets that are neither TCP nor UDP (ARP, ICMP, ...): no program&apos;s socket sends them.</source>
        <translation>Pakete, die weder TCP noch UDP sind (ARP, ICMP, ...): Kein Programm-Socket sendet sie.</translation>
    </message>
    <message>
        <source>Program</source>
        <extracomment>Programs view column: the program&apos;s name</extracomment>
        <translation>Programm</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Programs view column: the account the program runs as</extracomment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Bytes In</source>
        <extracomment>Programs view column: bytes received by the program</extracomment>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes Out</source>
        <extracomment>Programs view column: bytes sent by the program</extracomment>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>Packets In</source>
        <translation>Pakete ein</translation>
    </message>
    <message>
        <source>Packets Out</source>
        <translation>Pakete aus</translation>
    </message>
    <message>
        <source>Rate</source>
        <extracomment>Programs view column: current rate, in and out together, with a graph</extracomment>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Connections</source>
        <extracomment>Programs view column: TCP connections and UDP flows so far</extracomment>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Programs of user %1 (UID %2). Only that user can see which ones.</source>
        <translation>Programme des Benutzers %1 (UID %2). Welche, kann nur dieser Benutzer sehen.</translation>
    </message>
    <message>
        <source>Unknown program</source>
        <extracomment>Programs view: the user&apos;s own programs whose process could not be named (it ended first, or its /proc entry was not readable)</extracomment>
        <translation>Unbekanntes Programm</translation>
    </message>
    <message>
        <source>Your programs whose process could not be named: it ended before it was looked up, or its /proc entry could not be read.</source>
        <translation>Ihre Programme, deren Prozess nicht benannt werden konnte: Er endete vor der Abfrage, oder sein /proc-Eintrag war nicht lesbar.</translation>
    </message>
</context>
<context>
    <name>pr::ProgramsView</name>
    <message>
        <source>Programs</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Programs appear here while recording, with “Show which program sent each packet” on in the Options.</source>
        <translation>Programme erscheinen hier während der Aufzeichnung, wenn „Zeigen, welches Programm jedes Paket gesendet hat“ in den Optionen eingeschaltet ist.</translation>
    </message>
</context>
<context>
    <name>pr::RateFormat</name>
    <message>
        <source>bit/s</source>
        <translation>bit/s</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <source>Gbit/s</source>
        <translation>Gbit/s</translation>
    </message>
    <message>
        <source>Tbit/s</source>
        <translation>Tbit/s</translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <source>kpackets/s</source>
        <translation>kPakete/s</translation>
    </message>
    <message>
        <source>Mpackets/s</source>
        <translation>MPakete/s</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
</context>
<context>
    <name>pr::RecentFiles</name>
    <message>
        <source>No recent captures</source>
        <translation>Keine letzten Mitschnitte</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Menü leeren</translation>
    </message>
</context>
<context>
    <name>pr::RemoteMachineListModel</name>
    <message>
        <source>Packet Recorder there: %1 %2</source>
        <translation>Packet Recorder dort: %1 %2</translation>
    </message>
    <message>
        <source>The ssh channel is compressed (ssh -C).</source>
        <translation>Der ssh-Kanal ist komprimiert (ssh -C).</translation>
    </message>
    <message>
        <source>From the command line: not remembered.</source>
        <translation>Von der Befehlszeile: wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>A remote machine whose ssh session has not answered yet</extracomment>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>A remote machine that answered and can record</extracomment>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation>Kann nicht aufzeichnen</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <extracomment>A remote machine that ssh could not reach, or lost</extracomment>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Records there with %1</source>
        <extracomment>%1: &quot;Packet Recorder&quot;, &quot;Packet Recorder (sudo)&quot;, &quot;tcpdump&quot; or &quot;tcpdump (sudo)&quot;</extracomment>
        <translation>Zeichnet dort mit %1 auf</translation>
    </message>
    <message>
        <source>loopback</source>
        <extracomment>The remote interface is the machine&apos;s loopback (lo)</extracomment>
        <translation>Loopback</translation>
    </message>
    <message>
        <source>Machine</source>
        <extracomment>Column of the remote machines&apos; list: a machine, and its interfaces under it</extracomment>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Records with</source>
        <extracomment>Column: how a remote machine records (&quot;tcpdump (sudo)&quot;), or why it cannot</extracomment>
        <translation>Zeichnet auf mit</translation>
    </message>
    <message>
        <source>Keeps %1 bytes of each packet there.</source>
        <translation>Behält dort %1 Bytes jedes Pakets.</translation>
    </message>
</context>
<context>
    <name>pr::RemoteMachinesView</name>
    <message>
        <source>Other machines (over SSH)</source>
        <extracomment>Heading of the picker&apos;s section of remote machines</extracomment>
        <translation>Andere Rechner (über SSH)</translation>
    </message>
    <message>
        <source>Add Remote Machine…</source>
        <translation>Entfernten Rechner hinzufügen…</translation>
    </message>
    <message>
        <source>Record the interfaces of another machine over ssh</source>
        <translation>Die Schnittstellen eines anderen Rechners über ssh aufzeichnen</translation>
    </message>
    <message>
        <source>Record on servers, routers and lab machines through your own ssh: add one by user@host or by a Host alias of ~/.ssh/config.</source>
        <translation>Zeichnen Sie auf Servern, Routern und Laborrechnern über Ihr eigenes ssh auf: Fügen Sie einen per user@host oder per Host-Alias aus ~/.ssh/config hinzu.</translation>
    </message>
    <message>
        <source>Other machines</source>
        <translation>Andere Rechner</translation>
    </message>
    <message>
        <source>Machines recorded over ssh, with their interfaces and recent traffic</source>
        <translation>Über ssh aufgezeichnete Rechner mit ihren Schnittstellen und dem jüngsten Verkehr</translation>
    </message>
    <message>
        <source>Remove Machine</source>
        <translation>Rechner entfernen</translation>
    </message>
    <message>
        <source>Connect Again</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Compress the Channel (ssh -C)</source>
        <translation>Kanal komprimieren (ssh -C)</translation>
    </message>
</context>
<context>
    <name>pr::RemoteRecordingOptionsGroup</name>
    <message>
        <source>Other machines (over SSH)</source>
        <extracomment>Options group: recording interfaces of remote machines over ssh</extracomment>
        <translation>Andere Rechner (über SSH)</translation>
    </message>
    <message>
        <source>Leave out my own ss&amp;h session</source>
        <translation>Meine eigene ss&amp;h-Sitzung auslassen</translation>
    </message>
    <message>
        <source>Leave out my own ssh session</source>
        <translation>Meine eigene ssh-Sitzung auslassen</translation>
    </message>
    <message>
        <source>The connection that carries the recording is not recorded: without this, every packet sent to this desktop makes more packets to record. Other ssh sessions stay in.</source>
        <translation>Die Verbindung, die die Aufzeichnung überträgt, wird nicht aufgezeichnet: Ohne dies erzeugt jedes an diesen Desktop gesendete Paket weitere Pakete zum Aufzeichnen. Andere ssh-Sitzungen bleiben enthalten.</translation>
    </message>
    <message>
        <source>Order several machines by &amp;corrected clock</source>
        <translation>Mehrere Rechner nach korrigierter &amp;Uhr ordnen</translation>
    </message>
    <message>
        <source>Order several machines by corrected clock</source>
        <translation>Mehrere Rechner nach korrigierter Uhr ordnen</translation>
    </message>
    <message>
        <source>Each machine&apos;s clock offset to this desktop is measured over ssh. On: packets of several machines are merged by their corrected times. The timestamps in the file stay as each machine recorded them; the offsets are written beside them.</source>
        <translation>Der Uhrenversatz jedes Rechners zu diesem Desktop wird über ssh gemessen. Eingeschaltet: Pakete mehrerer Rechner werden nach ihren korrigierten Zeiten zusammengeführt. Die Zeitstempel in der Datei bleiben, wie jeder Rechner sie aufgezeichnet hat; die Versätze werden daneben geschrieben.</translation>
    </message>
</context>
<context>
    <name>pr::ThroughputChart</name>
    <message>
        <source>&amp;Show the last:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Chart time window</source>
        <translation>Zeitfenster des Diagramms</translation>
    </message>
    <message>
        <source>Throughput in bits per second</source>
        <translation>Durchsatz in Bit pro Sekunde</translation>
    </message>
    <message>
        <source>Packet rate in packets per second</source>
        <translation>Paketrate in Paketen pro Sekunde</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Kernel drops</source>
        <translation>Verworfen (Kernel)</translation>
    </message>
    <message>
        <source>Elapsed time (s)</source>
        <translation>Verstrichene Zeit (s)</translation>
    </message>
    <message>
        <source>%1 s: %2 incoming</source>
        <translation>%1 s: %2 eingehend</translation>
    </message>
    <message>
        <source>%1 s: %2 outgoing</source>
        <translation>%1 s: %2 ausgehend</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <extracomment>Chart time window</extracomment>
        <translation>
            <numerusform>%Ln Sekunde</numerusform>
            <numerusform>%Ln Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <extracomment>Chart time window</extracomment>
        <translation>
            <numerusform>%Ln Minute</numerusform>
            <numerusform>%Ln Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole capture</source>
        <extracomment>Above the throughput chart of an opened file, instead of the time window</extracomment>
        <translation>Der gesamte Mitschnitt</translation>
    </message>
    <message>
        <source>Total (direction not recorded)</source>
        <extracomment>Legend of the throughput chart of a file that does not record whether a packet was incoming or outgoing (a pcap file of Ethernet frames)</extracomment>
        <translation>Gesamt (Richtung nicht aufgezeichnet)</translation>
    </message>
    <message>
        <source>%1 s: %2 in total, direction not recorded</source>
        <extracomment>%1 a time, %2 a rate; the file does not say which packets were incoming</extracomment>
        <translation>%1 s: %2 gesamt, Richtung nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>Elapsed time (h)</source>
        <extracomment>Time axis of the throughput chart of a long file, in hours</extracomment>
        <translation>Verstrichene Zeit (h)</translation>
    </message>
    <message>
        <source>Elapsed time (min)</source>
        <extracomment>Time axis of the throughput chart of a file, in minutes</extracomment>
        <translation>Verstrichene Zeit (min)</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteMachine</name>
    <message>
        <source>not asked yet</source>
        <translation>noch nicht gefragt</translation>
    </message>
    <message>
        <source>Packet Recorder</source>
        <translation>Packet Recorder</translation>
    </message>
    <message>
        <source>Packet Recorder (sudo)</source>
        <translation>Packet Recorder (sudo)</translation>
    </message>
    <message>
        <source>tcpdump</source>
        <translation>tcpdump</translation>
    </message>
    <message>
        <source>tcpdump (sudo)</source>
        <translation>tcpdump (sudo)</translation>
    </message>
    <message>
        <source>cannot record</source>
        <translation>kann nicht aufzeichnen</translation>
    </message>
    <message>
        <source>Packet Recorder (polkit)</source>
        <translation>Packet Recorder (polkit)</translation>
    </message>
    <message>
        <source>%1 has Packet Recorder (%2) but this user may not capture with it: add the user to the group &quot;packet-recorder&quot; there (the package&apos;s group mode), or allow it with sudo without a password (a sudoers rule for %2)</source>
        <translation>%1 hat Packet Recorder (%2), aber dieser Benutzer darf damit nicht mitschneiden: Nehmen Sie den Benutzer dort in die Gruppe „packet-recorder“ auf (der Gruppenmodus des Pakets) oder erlauben Sie es mit sudo ohne Passwort (eine sudoers-Regel für %2)</translation>
    </message>
    <message>
        <source>%1 has tcpdump (%2) but this user may not capture with it: install Packet Recorder there and add the user to the group &quot;packet-recorder&quot;, or allow tcpdump with sudo without a password</source>
        <translation>%1 hat tcpdump (%2), aber dieser Benutzer darf damit nicht mitschneiden: Installieren Sie dort Packet Recorder und nehmen Sie den Benutzer in die Gruppe „packet-recorder“ auf, oder erlauben Sie tcpdump mit sudo ohne Passwort</translation>
    </message>
    <message>
        <source>%1 has neither Packet Recorder nor tcpdump: install the package packet-recorder (or tcpdump) there</source>
        <translation>%1 hat weder Packet Recorder noch tcpdump: Installieren Sie dort das Paket packet-recorder (oder tcpdump)</translation>
    </message>
    <message>
        <source> (it said: %1)</source>
        <translation> (Meldung: %1)</translation>
    </message>
    <message>
        <source>%1: cannot run ssh (%2): %3</source>
        <translation>%1: ssh kann nicht ausgeführt werden (%2): %3</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteRecording</name>
    <message>
        <source>clock offset unknown</source>
        <translation>Uhrabweichung unbekannt</translation>
    </message>
    <message>
        <source>clock %1 ms to this desktop (round trip %2 ms)</source>
        <translation>Uhr %1 ms gegenüber diesem Rechner (Umlaufzeit %2 ms)</translation>
    </message>
    <message>
        <source>A recording of other machines is one file: split it afterwards (editcap -c), or record each machine on its own</source>
        <translation>Eine Aufzeichnung anderer Rechner ist eine einzige Datei: Teilen Sie sie danach auf (editcap -c) oder zeichnen Sie jeden Rechner einzeln auf</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; exists already</source>
        <translation>Die Datei „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>Cannot create &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 on %2, recorded with %3; %4</source>
        <translation>%1 auf %2, aufgezeichnet mit %3; %4</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>your own ssh sessions are left out of the recording</source>
        <translation>Ihre eigenen ssh-Sitzungen werden nicht mit aufgezeichnet</translation>
    </message>
    <message>
        <source>%1; its packets until then are in the file, the other machines go on</source>
        <translation>%1; seine Pakete bis dahin sind in der Datei, die anderen Rechner zeichnen weiter auf</translation>
    </message>
    <message>
        <source>%1; its packets until then are in the file</source>
        <translation>%1; seine Pakete bis dahin sind in der Datei</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2; the file ends at the last whole packet</source>
        <translation>„%1“ kann nicht geschrieben werden: %2; die Datei endet mit dem letzten vollständigen Paket</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteStream</name>
    <message>
        <source>%1: no memory file for the stream: %2</source>
        <translation>%1: keine Speicherdatei für den Datenstrom: %2</translation>
    </message>
    <message>
        <source>%1: cannot run %2: %3</source>
        <translation>%1: %2 kann nicht ausgeführt werden: %3</translation>
    </message>
    <message>
        <source>%1: cannot keep the stream in memory: %2</source>
        <translation>%1: der Datenstrom kann nicht im Speicher gehalten werden: %2</translation>
    </message>
    <message>
        <source>%1: what arrived is not a capture stream (%2)</source>
        <translation>%1: was ankam, ist kein Mitschnitt-Datenstrom (%2)</translation>
    </message>
    <message>
        <source>%1: recording here was not permitted (the password prompt was refused or closed, or no polkit agent could ask)</source>
        <translation>%1: Aufzeichnen auf diesem Rechner wurde nicht erlaubt (die Passwortabfrage wurde abgelehnt oder geschlossen, oder kein polkit-Agent konnte fragen)</translation>
    </message>
    <message>
        <source>%1 cannot record: neither Packet Recorder nor tcpdump may capture there for this user (install the package there and add the user to the group &quot;packet-recorder&quot;, or allow it with sudo without a password)%2</source>
        <translation>%1 kann nicht aufzeichnen: Weder Packet Recorder noch tcpdump dürfen dort für diesen Benutzer mitschneiden (installieren Sie dort das Paket und nehmen Sie den Benutzer in die Gruppe „packet-recorder“ auf, oder erlauben Sie es mit sudo ohne Passwort)%2</translation>
    </message>
    <message>
        <source> (it said: %1)</source>
        <translation> (Meldung: %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the ssh program that carried the stream was ended (killed) on this desktop</source>
        <translation>%1: das ssh-Programm, das den Datenstrom trug, wurde auf diesem Rechner beendet (abgebrochen)</translation>
    </message>
    <message>
        <source>%1: the recording there stopped: %2</source>
        <translation>%1: die Aufzeichnung dort wurde beendet: %2</translation>
    </message>
    <message>
        <source>%1: the recording program there ended without finishing its stream (ssh status %2): it was killed, or the machine went down</source>
        <translation>%1: das Aufzeichnungsprogramm dort endete, ohne seinen Datenstrom abzuschließen (ssh-Status %2): Es wurde abgebrochen, oder der Rechner ist ausgefallen</translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteTarget</name>
    <message>
        <source>&quot;%1&quot; is not a user name for ssh</source>
        <translation>„%1“ ist kein Benutzername für ssh</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: an IPv6 address in brackets needs its &quot;]&quot;</source>
        <translation>„%1“: eine IPv6-Adresse in Klammern braucht ihr „]“</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after &quot;]&quot; only &quot;:PORT&quot; may follow</source>
        <translation>„%1“: nach „]“ darf nur „:PORT“ folgen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no machine: give user@host, host or a Host alias of ~/.ssh/config</source>
        <translation>„%1“ nennt keinen Rechner: Geben Sie benutzer@host, host oder einen Host-Alias aus ~/.ssh/config an</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name, an address or a Host alias</source>
        <translation>„%1“ ist weder Hostname noch Adresse noch Host-Alias</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port (1 to 65535)</source>
        <translation>„%1“ ist kein Port (1 bis 65535)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a remote interface: write ssh://[user@]host/interface</source>
        <translation>„%1“ ist keine entfernte Schnittstelle: Schreiben Sie ssh://[benutzer@]host/schnittstelle</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no interface: write ssh://%2/eth0 (or /any)</source>
        <translation>„%1“ nennt keine Schnittstelle: Schreiben Sie ssh://%2/eth0 (oder /any)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface name</source>
        <translation>„%1“ ist kein Schnittstellenname</translation>
    </message>
</context>
</TS>
