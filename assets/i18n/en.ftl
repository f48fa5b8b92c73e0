# English messages of the Tarmeez window. Ids are kebab-case, grouped by where they show; every id here has
# its Arabic in ar.ftl (a unit test checks both files hold the same ids, each used by the code).

## The menu bar and View > Language.

menu-file = File
menu-edit = Edit
menu-go = Go
menu-view = View
menu-help = Help
menu-language = Language
menu-language-help = The language of the interface (remembered); Arabic mirrors the window

## Commands: menu entries (cmd-*) and their one sentence of help (cmd-*-help).

cmd-open-project = Open project…
cmd-open-project-help = Open another project folder
cmd-next-document = Next document
cmd-next-document-help = Go to the next document of the list
cmd-previous-document = Previous document
cmd-previous-document-help = Go to the previous document of the list
cmd-validate-project = Validate project
cmd-validate-project-help = Load every document and list every problem with its file and line
cmd-toggle-problems = Problems
cmd-toggle-problems-help = Show or hide the list of problems found in the project's files
cmd-zoom-in = Zoom in
cmd-zoom-in-help = Make the article text larger
cmd-zoom-out = Zoom out
cmd-zoom-out-help = Make the article text smaller
cmd-zoom-reset = Actual size
cmd-zoom-reset-help = Show the article text at its default size
cmd-toggle-labels = Type labels
cmd-toggle-labels-help = Show or hide small type labels over each highlighted span
cmd-toggle-suggestions = Suggestions
cmd-toggle-suggestions-help = Show or hide pending machine suggestions (dashed outlines)
cmd-toggle-theme = Dark theme
cmd-toggle-theme-help = Switch between the light and the dark theme
cmd-copy-selection = Copy
cmd-copy-selection-help = Copy the selected article text
cmd-redo = Redo
cmd-redo-help = Redo the last undone change
cmd-undo = Undo
cmd-undo-help = Undo the last change
cmd-save = Save
cmd-save-help = Save every change now (changes are also saved automatically within a second)
cmd-delete-mention = Delete
cmd-delete-mention-help = Delete the inspected mention or event, else the selected mention, else the innermost at the caret
cmd-new-event = New event…
cmd-new-event-help = Make the selection an event's trigger: choose the event type
cmd-relate-mention = Relate to another mention
cmd-relate-mention-help = Relate the inspected mention to another: press R, then click the other
cmd-cancel = Cancel
cmd-cancel-help = Dismiss the message, else stop picking a role filler, else close the topmost window, else close the inspector, else clear the selection
cmd-toggle-done = Document done
cmd-toggle-done-help = Mark this document done for you (again to set it back in progress)
cmd-next-unfinished = Next unfinished document
cmd-next-unfinished-help = Go to the next document you have not marked done (your assigned ones first)
cmd-toggle-events = Events table
cmd-toggle-events-help = Show the events of this document or of the whole project, sortable
cmd-search = Search project…
cmd-search-help = Find words in every document (normalized spelling, clitics ignored)
cmd-toggle-actors = Actor registry
cmd-toggle-actors-help = List, search, create, edit and merge the project's actors
cmd-toggle-schema = Schema editor
cmd-toggle-schema-help = Add, rename, recolour and re-key entity types, event types and roles
cmd-move-end-left = Move mention end left
cmd-move-end-help = Move the inspected mention's end edge one letter in the arrow's direction (in Arabic the end is the left edge)
cmd-move-end-right = Move mention end right
cmd-move-start-left = Move mention start left
cmd-move-start-help = Move the inspected mention's start edge one letter in the arrow's direction (in Arabic the start is the right edge)
cmd-move-start-right = Move mention start right
cmd-next-suggestion = Next suggestion
cmd-next-suggestion-help = Review the next pending suggestion of this document (opens the review queue)
cmd-previous-suggestion = Previous suggestion
cmd-previous-suggestion-help = Review the previous pending suggestion
cmd-accept-suggestion = Accept suggestion
cmd-accept-suggestion-help = Accept the suggestion under review, with the selection's boundaries (different ones record it as edited)
cmd-reject-suggestion = Reject suggestion
cmd-reject-suggestion-help = Reject the suggestion under review; the same source will not propose it again
cmd-import-suggestions = Import suggestions…
cmd-import-suggestions-help = Import a model's suggestions (Hugging Face, spaCy, doccano, Label Studio, brat)
cmd-import-documents = Import documents…
cmd-import-documents-help = Import a corpus: one document per JSON line or CSV row, with its metadata
cmd-import-annotations = Import annotations…
cmd-import-annotations-help = Import brat or doccano annotations into your layer
cmd-export = Export…
cmd-export-help = Export coded data: events-csv, brat, doccano, CoNLL, hf-jsonl or HTML pages
cmd-toggle-review-stats = Review statistics
cmd-toggle-review-stats-help = Accepted, edited and rejected suggestions per source, and precision by score
cmd-change-coder = Change coder…
cmd-change-coder-help = Code under another name: your edits go to that name's own layer
cmd-toggle-shortcuts = Keyboard shortcuts
cmd-toggle-shortcuts-help = Show or hide this list
cmd-toggle-progress = Assignment progress
cmd-toggle-progress-help = Each coder's assigned documents (tarmeez assign): how many are done, in progress and not started
cmd-quit = Quit
cmd-quit-help = Close Tarmeez (changes are saved first)
cmd-sync = Sync
cmd-sync-help = Save, commit your changes, fetch and merge your teammates' work, and send yours (offline: commit now, send later)
cmd-share-project = Share project…
cmd-share-project-help = Make this project a git repository shared at a remote, for a team to sync
cmd-toggle-agreement = Agreement
cmd-toggle-agreement-help = How far the coders agree, pair by pair and per type, and you against the gold layer; a cell opens its disagreements
cmd-curate = Curate (gold layer)
cmd-curate-help = Adjudicate the coders' disagreements into the gold layer (again to go back to coding under your name)
cmd-take-version = Take coder { $n }'s version
cmd-take-version-help = While curating: make that coder's version of the current unit the gold one (Enter takes the majority's)
cmd-arm-role = Fill role { $n } next
cmd-arm-role-help = Fill that role of the inspected event next (a selection and a type key)
cmd-toggle-tashkeel = Hide tashkeel
cmd-toggle-tashkeel-help = Draw the article without its short vowels and other marks (offsets unchanged)
cmd-new-project = New project…
cmd-new-project-help = Create a project in a new or empty folder, with the default schema
cmd-add-text-files = Add text files…
cmd-add-text-files-help = Add UTF-8 .txt files as documents, one per file (empty files and duplicates are skipped and listed)
cmd-add-text-folder = Add a folder of text files…
cmd-add-text-folder-help = Add every .txt file of a folder and its subfolders as documents

## The default schema's role names (the schema has no Arabic name for roles: ar.ftl gives them).

role-Attacker = Attacker
role-Target = Target
role-Location = Location
role-Time = Time
role-Instrument = Instrument
role-Casualties = Casualties
role-Threatener = Threatener
role-Threatened = Threatened
role-Speaker = Speaker
role-Addressee = Addressee
role-Agent = Agent
role-Origin = Origin
role-Destination = Destination

## Counts.

documents-count = { $count ->
    [one] { $count } document
   *[other] { $count } documents
}

## Side panels.

panel-show-documents = Show the document list
panel-show-inspector = Show the inspector

## The document list.

documents-heading = Documents
documents-mine = Assigned to me
documents-others = Other documents
documents-progress = { $status }, { $mentions } mentions, { $events } events
documents-unreadable = layer unreadable
status-new = new
status-in-progress = in progress
status-done = done

## The right panel's tabs.

tab-curation = Curation
tab-inspector = Inspector
tab-review = Review suggestions

## The inspector.

inspector-empty = Click a highlighted mention or event trigger to inspect it.
inspector-mark-as = Mark the selection as
inspector-trigger-of = Make it the trigger of
inspector-not-editable = Another coder's layer is shown, or the project is read-only: choose your own layer in the toolbar to code.
inspector-score = , score { $score }
inspector-provenance = From { $source } suggestion { $suggestion }{ $score }; accepted by { $reviewer } at { $at }
inspector-events = Events of this document
inspector-roles-empty =
    { $count ->
       *[other] {"  "}({ $count } required roles empty)
    }

## The inspected event.

event-heading = Event { $id }: { $name }
event-trigger = trigger { $text }
event-roles = Roles
event-delete = Delete event (Del)
event-relations = Relations
event-remove-relation = Remove this relation
event-related = Related event
event-relate = { $name } it
event-filling = Filling { $role }: select its text and press a type key, or click a mention (Esc stops)
event-roles-hint = A role's number (Ctrl+number) fills it next
event-pick-help = { $key }fill { $role } next: select its text and press a type key, or click a mention
event-pick = Pick { $role }
event-required-empty = Required, and no mention fills it yet
event-filler-help = { $id } — click to inspect; right-click to remove
event-remove-filler = Remove this filler
event-no-candidates = No mention of a type { $role } takes yet
event-choose-filler-help = Choose a filler for { $role } from the mentions it takes
event-choose-filler = Choose a filler for { $role }

## The inspected mention, and the date its words name.

mention-heading = Mention { $id }
mention-type = Type
mention-type-name = Mention type
mention-letters = Letters
mention-role-of = { $role } of { $event }
list-separator = { ", " }
mention-fills = Fills: { $roles }
mention-propose = Propose its other occurrences:
mention-propose-document = this document
mention-propose-project = the project
mention-delete = Delete mention (Del)
mention-actor = Actor
mention-unlink = unlink
mention-add-alias = Add the mention's text as an alias
mention-search-hint = search actors (normalized, typo-tolerant)
mention-search-actors = Search actors
mention-actors-matching = Actors matching { $text }:
mention-no-actor = No actor matches.
mention-new-actor = + New actor { $text }
mention-start-minus = start −
mention-start-minus-help = Drop the first letter
mention-start-plus = start +
mention-start-plus-help = Take in the letter before
mention-end-minus = end −
mention-end-minus-help = Drop the last letter
mention-end-plus = end +
mention-end-plus-help = Take in the letter after
mention-to-selection = = selection
mention-to-selection-help = Set the mention's letters to the selection
mention-relations = Relations
mention-relation-to = { $relation } { $words }
mention-relation-from = { $words } { $relation } this
mention-relation-remove-help = Remove this relation
mention-relation-remove-name = Remove relation { $id }
mention-relation-inspect-help = Inspect the other mention
mention-relating = Relating: click the mention it is related to (Esc stops)
mention-relate = Relate to another mention (R)
date-part = , { $part }
date-first-day = { " " }(its first day)
date-reads-as = Reads as { $reading }{ $part }, published { $published }.
date-use = Use { $date }{ $first }
date-use-help = Set { $attribute } to { $date }
date-dawn = at dawn
date-morning = in the morning
date-noon = at noon
date-afternoon = in the afternoon
date-evening = in the evening
date-night = at night

## Attributes and notes.

attributes-heading = Attributes
attribute-yes = yes
attribute-no = no
attribute-of = { $name } of { $owner }
attribute-number-hint = number
attribute-not-number = { $name } must be a number, not «{ $typed }»
attribute-not-date = { $name } must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not «{ $typed }»
note-heading = Note

## The document view and its toolbar.

view-no-documents = This project has no documents yet. Add your articles:
view-select-document = Select a document on the left.
view-characters = { $count } characters
view-broken = This document has problems and is read-only until they are fixed:
view-no-layer = none
view-layer = layer
view-yours = { " " }(yours)
view-layer-choice = { $coder }{ $mine }: { $mentions } mentions, { $events } events, { $relations } relations
view-suggestions = { $count } suggestions
view-against-gold = against gold
view-against-gold-help = Mark this layer's misses (dashed orange) and extras (red) against the curated gold layer
view-labels = labels
view-no-tashkeel = no tashkeel
view-selected = Selected { $start }..{ $end } ({ $count } characters): { $text }
view-selection-hint = Drag to select words (hold Alt for single letters), double-click a word; arrows, Home/End and Page Up/Down move the caret, Shift selects (F1 lists the keys).

## The status bar.

status-no-project = No project open
status-project = { $name } · { $count } documents
status-curating = Curating the gold layer as { $coder } (Go > Curate to code again)
status-annotator = Annotator: { $coder }
status-saved = Saved
status-saving = Saving…
status-save-failed = Save failed (retrying)
status-save-refused = Not saved: changed elsewhere
status-read-only = Read-only
status-problems =
{ $count ->
    [0] No problems found
    [1] 1 problem
   *[other] { $count } problems
}

## Sharing through git: the status bar's sync button.

sync-running = Syncing…
sync-button = Sync
sync-not-shared = Not shared
sync-failed = Sync failed
sync-offline = Offline — { $count } to push
sync-synced = Synced { $at }
sync-pending = Sync: { $up } to send, { $down } to get
sync-last-failed = The last sync failed: { $why }
sync-reading = Reading the project's sync state…
sync-not-shared-help = Not shared yet: click to share it (File > Share project…)
sync-no-remote = none set
sync-remote = Shared repository: { $remote }
sync-commits = { $up } commits to send, { $down } to receive (as of the last sync)
sync-changed = { $count } files changed since the last sync
sync-last-syncs = Last syncs:
sync-click = Click to sync (F5)
sync-running-help = Syncing with the shared repository…

## The welcome screen.

welcome-no-project = No project is open
welcome-sample = Open the sample project
welcome-sample-help = One article about the al-Omar oil field, already coded, to try things out
welcome-recent-empty = Projects you open are listed here.
welcome-recent = Recent projects
welcome-open-recent = Open this project
welcome-recent-gone = This folder holds no project any more

## The problems window.

problems-none = No problems found in the documents loaded so far.
problems-check = Check every document

## Messages.

message-ok = OK
message-stays-open = Tarmeez stays open: not all your changes could be saved ({ $why }).

## Tool windows' titles.

window-actors = Actors
window-agreement = Agreement
window-new-event = New event
window-events = Events
window-export = Export
window-import-annotations = Import annotations
window-import-documents = Import documents
window-import-suggestions = Import suggestions
window-add-text-files = Add text files
window-problems = Problems
window-assignment-progress = Assignment progress
window-review-statistics = Review statistics
window-schema = Schema
window-search = Search
window-share-project = Share project
window-keyboard-shortcuts = Keyboard shortcuts

## New event: the event type chooser.

chooser-select-first = Select the trigger word first.
chooser-type = Event type of the selected trigger:

## Search.

search-running = searching for { $query }…
search-matches =
{ $count ->
    [one] { $count } match for { $query }
   *[other] { $count } matches for { $query }
}
search-hint = word or phrase
search-button = Search
search-help = Spelling is normalized (alef forms, ya/alef maqsura, ta marbuta, diacritics, digits), clitics such as و ب ال are ignored, and small typos are tolerated.

## The events table.

events-this-document = This document
events-whole-project = Whole project
events-count =
{ $count ->
    [one] { $count } event (your layer) · click a heading to sort, a row to open it
   *[other] { $count } events (your layer) · click a heading to sort, a row to open it
}
events-sort-up = { " " }(up)
events-sort-down = { " " }(down)
events-date-event = The event's own date attribute.
events-date-time-mention = The normalized date of the time expression filling the event's time role.
events-date-time-words = Read from the words of the time expression filling the event's time role, against the publication date; not confirmed. Inspect the time mention and take its proposed date to confirm it.
events-date-publication = The document's publication date: no time role of the event is filled. It may have happened earlier.
events-date-publication-undated = The document's publication date: the time expression filling the event's time role has no normalized date. Give it one (its date attribute) to date the event by it.
events-date-unknown = No date: the document has no publication date either.
events-from-attribute = event's date attribute
events-from-time-role = time role { $time }
events-from-words = read from { $time }
events-from-publication = publication date
events-from-publication-undated = publication ({ $time } undated)
column-event = Event
column-date = Date
column-date-from = Date from
column-time = Time
column-event-type = Event type
column-actor-1 = Actor 1
column-actor-2 = Actor 2
column-location = Location
column-fatalities = Fatalities
column-modality = Modality
column-reported-by = Reported by
column-source = Source
column-document = Document
column-annotator = Annotator
column-trigger = Trigger
column-notes = Notes

## Repairing the project folder; common buttons.

repair-cannot-run = The repair cannot run: { $why }
repair-nothing = Nothing to repair.
repair-will = The repair will:
repair-now = Repair now
repair-now-help = Your work is saved first; the project is reopened afterwards
repair-help = Say what would be done about what interrupted saves and imports left, then do it
repair-button = Repair…
button-cancel = Cancel
button-close = Close

## Assignment progress.

progress-unreadable = The assignments cannot be read: { $problem }
progress-none = No documents are assigned in this project. The lead assigns them with `tarmeez assign`.
progress-reading = Reading the coders' files…
progress-refresh = Refresh
progress-refresh-help = Read the coders' files again (after a sync)
progress-summary = { $documents } documents assigned, { $overlap } of them to two coders or more
progress-coder = coder
progress-assigned = assigned
progress-done = done
progress-in-progress = in progress
progress-not-started = not started
progress-you = { $coder } (you)
progress-unread = , { $count } unread
progress-bar = { $percent }% done{ $unknown }

## Review statistics.

stats-mine = My decisions ({ $coder })
stats-pooled = All coders, pooled
stats-none = No suggestions in the loaded documents.
stats-source = source
stats-accepted = accepted
stats-edited = edited
stats-rejected = rejected
stats-pending = pending
stats-precision-all = precision (all scores)
stats-precision-help = Precision at a threshold: the share of reviewed suggestions scored at least that which were accepted as suggested.
stats-threshold = score threshold
stats-precision = precision

## Share project.

share-help = Teammates sync this project through a git repository they can all reach: an empty repository on GitHub or GitLab, or a bare repository on a shared drive. Your own git setup (SSH keys, credential helpers) is used.
share-remote = Shared repository:
share-button = Share
share-button-help = Make the folder a repository, commit the project, and send it there
share-running = Sharing…

## The review queue (suggestions of a model).

review-shown = { $shown } pending shown, of { $total } suggestions in this document
review-start = { $key } starts with the first suggestion; Enter accepts, Backspace rejects.
review-order = Order
review-position = position
review-score = score
review-all-types = all types
review-type = Suggestion type
review-to = to
review-lowest = Lowest score
review-highest = Highest score
review-accept-all = Accept all shown:
review-in-document = in this document
review-in-project = in the project
review-propagate = Propose other occurrences of each accepted mention
review-gazetteer = Actor registry as gazetteer:
review-stats = Review statistics…
review-no-score = no score
review-score-of = score { $score }
review-current = { $name } · { $score } · { $source }
review-accept = Accept (Enter)
review-reject = Reject (Backspace)
review-adjust = Adjust the selection before accepting to correct its boundaries; a type's key accepts it as that type.

## What a highlighted span is, on hover.

describe-actor = Actor: { $name } ({ $kind })
describe-actor-unknown = Actor: { $id } (not in the registry)
describe-note = Note: { $note }
describe-from-suggestion = From suggestion { $suggestion } of { $source }{ $score }, accepted by { $reviewer } at { $at }
describe-event = { $name } event { $id }
describe-trigger = Trigger { $text }
describe-required-empty = { $role }: (required, empty)
describe-event-type = { $name } event
describe-suggestion = Suggestion: { $kind }{ $score }
describe-from = From { $source } ({ $model }), { $status }
describe-pending = pending review
describe-accepted = accepted
describe-rejected = rejected
describe-edited = accepted with changes
describe-gold = In the gold layer:
describe-whose = { $coder }'s:

## Curation: the gold layer.

curation-heading = Curating the gold layer
curation-decided = , { $count } decided
curation-open = { $count } open disagreements{ $decided }
curation-pair = Only where { $a } and { $b } differ
curation-show-all = show all
curation-show-decided = also settled and rejected units
curation-at-least = At least
curation-merge = of { $count } agree: merge
curation-merge-help = Takes every open unit whose version that many coders share, in one step (undo takes it back); decided units are left alone
curation-none = No disagreement left here. Tab moves through the queue.
curation-agreed = agreed
curation-nothing = (nothing)
curation-take-help = { $key }{ $coder }'s version becomes the gold one
curation-take = Take
curation-majority = Majority
curation-majority-help = Enter: take the version most coders share (reject when most marked nothing)
curation-reject = Reject all
curation-reject-help = Backspace: the gold layer keeps nothing here, and remembers it
curation-keys = Tab: next unit · Shift+Tab: previous · Ctrl+Z: undo

## Who is coding?

name-heading = Who is coding?
name-why = Your name names your own annotation layer, so a team's coders never write the same files.
name-remembered = It is asked once and remembered on this computer (File > Change coder… changes it).
name-empty = Type a name with at least one letter or digit.
name-placeholder = `{ $name }` is not a name: type your own, so that your layer is yours alone and nobody else's.
name-gold = `gold` is the curated layer's name: type your own, then curate with Go > Curate.
name-layer = Your layer: annotations/<document>/{ $name }.ron
name-taken =
{ $count ->
    [one] `{ $name }` already has work in this project ({ $count } document). If that is not you, choose another name: that coder's layers would become yours.
   *[other] `{ $name }` already has work in this project ({ $count } documents). If that is not you, choose another name: that coder's layers would become yours.
}
name-is-me = Yes, that is me
name-start = Start coding

## File > New project.

new-project-title = New project
new-project-folder = Folder
new-project-folder-hint = a new or empty folder: type, paste or choose
new-project-folder-help = Tarmeez creates the folder if it does not exist
new-project-choose = Choose…
new-project-name = Name
new-project-name-hint = shown in the title bar
new-project-schema = The project starts with the default conflict schema (actors, locations, attacks…), which the schema editor changes.
new-project-create = Create

## Notices of the session.

notice-read-only = Nothing can be changed: { $why }.
notice-other-layer = Another coder's layer is shown: choose your own layer in the toolbar to code.
notice-not-made = The change was not made: { $why }
notice-all-done = Every other document is done.
notice-marked-but = Marked, but { $why }.
notice-no-pending = No pending suggestion matches the filter.
notice-registry-nothing = The registry's names match nothing new.
notice-no-occurrence = No other occurrence of { $text } to propose.
notice-proposed = { $count } other occurrences proposed for review (source: propagate).
notice-curate-first = Curate first: Go > Curate (gold layer).
notice-no-merge = No open unit has a version { $count } coders share.
notice-merged = Merged { $count } units into the gold layer (Ctrl+Z undoes it).
notice-no-unit = No disagreement is selected: Tab goes to the next one.
notice-no-coder = There is no coder { $n } here: this unit has { $count }.
notice-no-majority = No version has more coders than the others: take one with Alt+its number.
notice-relate-how = To relate two mentions, click the first, press R, then click the second.
notice-relate-none-from = The schema has no relation from a mention of type { $kind } (Edit > Schema editor can add one).
notice-relate-click = Click a marked mention to relate it (Esc stops).

## Messages of the window.

message-code-as = You code as { $coder } now; your work so far is saved first.
message-name-not-remembered = Your name is used for this session but could not be remembered: { $why }
message-repair-unsaved = Nothing was repaired: your changes could not be saved first; see the status bar.
message-repair-failed = Nothing was repaired: { $why }
message-open-unsaved = Not all changes to the open project could be saved, so it stays open; see the status bar.
message-open-failed =
    Could not open { $dir }:
    { $why }
message-sync-unsaved = Not synced: your changes could not be saved first; see the status bar.
message-sync-failed = Not synced: { $why }

## The actor registry.

actors-search-hint = search names and aliases
actors-new = New actor
actors-new-help = Create an actor named by the search text
actors-select = Select an actor to edit it.
actors-save = Save changes
actors-needs-name = An actor needs a name.
button-revert = Revert
actors-kind = Kind
actors-affiliation = Affiliation
actors-aliases = Aliases
actors-remove-alias = Remove this alias
actors-new-alias = new alias
actors-add = Add
actors-merge-into = Merge into
actors-merge = Merge
actors-merge-help = This actor's name and aliases go to the other; your mentions are relinked

## The schema editor.

schema-apply = Apply
schema-ids = A new type takes the id typed for it until Apply; after that ids never change (renaming keeps annotations valid). Apply is one undoable change.
schema-entity-types = Entity types
schema-id = id
schema-name = name
schema-arabic-name = Arabic name
schema-colour = colour
schema-key = key
schema-add-entity = Add entity type
schema-event-types = Event types
schema-add-event = Add event type
schema-role = role
schema-takes = takes
schema-required = required
schema-repeats = repeats
schema-add-role = Add role

## File > Export.

export-into = Into { $dir }
export-mine = Your layer
export-gold = The gold layer (curated)
export-everyone = Every layer
export-button = Export into the folder
export-running = Exporting… { $seconds } s

## File > Add text files.

import-text-looking = Looking for .txt files…
import-text-progress = { $done } of { $total } files

## File > Import annotations: labels the schema has no type for.

import-types-heading = { $count ->
    [one] One label of the file has no type in the schema
   *[other] { $count } labels of the file have no type in the schema
}
import-types-hint = Map each onto a type of the schema, or add it to the schema as a new type.
import-types-add-entity = Add as a new entity type
import-types-add-event = Add as a new event type
import-types-add-relation = Add as a new relation type
import-types-adds = Adds to the schema: { $what }

## The inspector: a relation's type.

relation-type-name = Type of relation { $id }

## Agreement window: relations between mentions and between events.

agreement-relations-heading = Relations
agreement-relations-unit = A unit is a pair of ends (the same span and type for both coders) that a coder related; its label is the relation type, or none where a coder marked both ends and no relation. A coder without both ends has no label: unpaired.
agreement-relations-mentions = Between mentions: { $count } relations
agreement-relations-events = Between events: { $count } relations
agreement-relations-alpha = Krippendorff's alpha (nominal), all coders: { $alpha } on { $units } units
agreement-relations-pair = pair
agreement-relations-counts = relations / relations / same
agreement-relations-f1 = F1 [95%]
agreement-relations-kappa = Cohen's kappa (units)
agreement-relations-unpaired = unpaired
agreement-relations-confusion = Labels { $a } / { $b }

## Curation of relations.

notice-relation-ends = This relation's ends are not in the gold layer yet. Curate these first, then take it:
curation-relation-to = points to { $to }

## File > Import annotations.

import-file = File: { $path }
import-into-layer = Into your layer ({ $coder })
import-format = Format
import-every-tsv = Every .tsv file of its folder
import-every-ann = Every .ann file of its folder
import-into-shown = Into the shown document ({ $doc })
import-replace = Replace my annotations of these documents
import-into-my-layer = Import into my layer
import-ls-user = Annotations of Label Studio user
import-choose = (choose)

## Model sources (issue 18).

cmd-model-sources = Model sources…
cmd-model-sources-help = The model servers that suggest annotations: their address, labels and prompt; ask them about documents
cmd-ask-document = Ask the model about this document
cmd-ask-document-help = Ask the model source about the shown document in the background; its answer becomes suggestions to review
cmd-ask-project = Ask the model about every document
cmd-ask-project-help = Ask the model source about every document of the project in the background, a few at a time
cmd-cancel-asking = Stop asking the model
cmd-cancel-asking-help = Stop asking the model source; documents already answered keep their suggestions
menu-model = Model
notice-no-model-source = No model source has a server yet: add one in Model > Sources.
window-model-sources = Model sources
sources-list = Sources:
sources-new = New source
sources-none = No source has a model server yet. New source adds one: a Label Studio ML backend, an OpenAI-compatible chat server, or a server speaking Tarmeez's own protocol.
sources-files-only = Fed from files: no server yet
sources-name = Name
sources-kind = Kind
sources-kind-ls = Label Studio ML backend
sources-kind-openai = OpenAI-compatible chat
sources-kind-tarmeez = Tarmeez protocol
sources-url = Address
sources-timeout = Timeout
sources-model = Model
sources-key = API key variable
sources-key-help = The environment variable that holds the key (the key itself is never written to the project, which the team shares)
sources-feedback = Send decisions back
sources-feedback-help = Accepted, edited and rejected suggestions are sent to the server so that it can learn
sources-prompt = Prompt ({"{"}schema{"}"} and {"{"}text{"}"} are put in)
sources-prompt-hint = Empty: the built-in prompt
sources-labels = Labels of the model and the types they become
sources-label-add = Add label
sources-label-remove = Remove this label
sources-label-ignore = (ignored)
sources-save = Save
sources-remove = Remove source
sources-remove-help = Removes the source's settings; its suggestions stay
sources-check = Check server
sources-ask-source = The Model menu asks
sources-ask-on-open = Ask about each document as I open it
sources-scope-shown = This document
sources-scope-chosen = Chosen documents
sources-scope-all = Every document
sources-choose-all = All
sources-choose-none = None
sources-ask = { $count ->
    [one] Ask about 1 document
   *[other] Ask about { $count } documents
}
sources-cancel = Cancel
asking-progress = Asking { $source }: { $done } of { $total }
asking-cancelled = Cancelled after { $done } of { $total }
asking-done = { $source } answered: { $added } suggestion(s) added, { $failed } document(s) failed
asking-line-added = { $doc }: { $count ->
    [one] 1 suggestion
   *[other] { $count } suggestions
}
asking-line-nothing-new = { $doc }: nothing new
asking-line-refused = { $doc }: nothing taken. { $why }
asking-line-failed = { $doc }: { $why }
sources-prompt-start = Edit the built-in prompt

# Issue 18: the learner inside the app (Model > Learner, the review queue's order, the review statistics).
cmd-toggle-learner = Learner…
cmd-toggle-learner-help = Your own learner: it trains on the documents you coded and proposes mentions in the others
window-learner = Learner
learner-about = Learns from the documents you coded (marked done, or in progress with every suggestion decided) and proposes mentions under learner-{"{"}your name{"}"}, seen only by you.
learner-train-now = Train now
learner-train-now-help = Train on your coded documents and propose mentions in the open and next unfinished ones
learner-training = Training on { $documents } coded documents…
learner-proposing = Proposing mentions: { $done } of { $total } documents…
learner-every = Retrain after every
learner-every-field = Decisions between rounds
learner-decisions = decisions (0: only when asked)
learner-made = Decisions since the last round: { $count }
learner-order = Order the review queue by the learner's uncertainty
learner-no-round = No round yet: train now, or keep coding.
learner-trained = Trained on { $documents } documents ({ $tokens } tokens).
learner-added = New suggestions: { $count }, in { $documents } documents looked at.
learner-held-out = On { $documents } held-out documents it did not train on: precision { $precision }, recall { $recall }, F1 { $f1 }.
learner-none-held-out = No held-out documents yet: one coded document in five is held out once there are enough.
review-uncertainty = uncertainty
review-uncertainty-help = What your learner is least sure of first (Model > Learner trains it); by position until it has trained
stats-learner = Your learner
## Issue 18: an event suggestion's role fillers in the review queue
suggested-roles = Role fillers it proposes (untick one to leave it out):
suggested-filler = { $role }: { $text } ({ $kind })
suggested-filler-keep = keep
suggested-filler-role = Role of this filler
suggested-filler-type = Type of this filler
suggested-roles-edited = Accepting with these changes records it as edited.

## Issue 19: the event map (ui/windows/event_map.rs).
cmd-toggle-map = Event map
cmd-toggle-map-help = The events on a map of Syria, Iraq and their neighbours, by type and fatalities, with a time slider
window-event-map = Event map
map-scope-project = All events of the project
map-scope-table = The events table's rows
map-table-closed = The events table is closed: its rows are this document's until it is opened.
map-no-coordinates =
{ $count ->
    [one] 1 event has no place with coordinates.
   *[other] { $count } events have no place with coordinates.
}
map-shown = On the map: { $shown } of { $count }
map-from = From
map-to = To
map-no-dates = No event on the map has a date.
map-killed = Killed:
map-killed-unknown = unknown
map-hover-title = { $id } { $kind } · { $date }
map-hover-place = Place: { $place }
map-hover-actors = Actors: { $actors }
map-hover-fatalities = Fatalities: { $count }
map-hover-fatalities-unknown = Fatalities: unknown
map-hover-open = Click to open the event.
## Issue 19: the place registry (Edit > Places, a LOCATION mention's place in the inspector)
cmd-toggle-places = Places…
cmd-toggle-places-help = The project's places: search (the gazetteer's too), add, edit names, kind, governorate and coordinates
cmd-link-places = Link places in this document
cmd-link-places-help = Link every unlinked LOCATION mention whose words name one place (one undo takes it back)
window-places = Places
places-search = Search places
places-search-hint = Search places (Arabic or Latin)
places-new = New place
places-new-help = Add a place named as the search (edit it on the right)
places-select = Select a place to edit it; gazetteer places are added to the project when selected.
places-name = Name (Latin)
places-name-ar = Name (Arabic)
places-country = Country (ISO3)
places-admin1 = Governorate (admin1)
places-admin2 = District (admin2)
places-admin3 = Subdistrict (admin3)
places-latitude = Latitude
places-longitude = Longitude
places-geonames = GeoNames id
places-variants = Other spellings (one a line)
places-remove = Remove place
places-remove-help = Removes the place from the project; refused while mentions link to it
places-not-saved = Not saved: { $why }
place-from-gazetteer = {" "}(gazetteer)
mention-place = Place
mention-place-missing = { $id } (not in the project's places)
mention-place-at = Latitude { $latitude }, longitude { $longitude }
mention-search-places = Search places
mention-no-place = No place matches.
notice-places-linked = Places linked: { $linked }; LOCATION mentions left unlinked: { $left }.
# Issue 19 (fields): schema presets, the event's record id and evidence.
new-project-preset = Schema:
new-project-preset-conflict = Conflict
new-project-preset-acled = ACLED
new-project-preset-acled-help = ACLED's six event types (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments) with Actor 1, Actor 2 and associated actors
event-record-id = Record id
event-record-id-help = The event's id in exported datasets; it stays when the trigger or type changes and when a curator takes the event.
evidence-heading = Record fields and evidence
evidence-jump-help = Show these words in the article
evidence-remove-help = Remove this evidence
evidence-add-help = Add the selected text as evidence of { $field }
field-date = Date
field-location = Location
field-actor1 = Actor 1
field-actor2 = Actor 2
describe-evidence = Evidence of { $field } (event { $id })
