# الرسائل العربية لنافذة ترميز. المعرّفات نفسها في en.ftl؛ الترجمة موجّهة إلى مرمّزي أحداث النزاع:
# فاعل، حدث، مكان، ضحايا، إشارة (mention)، دور، ترميز، مراجعة، اقتراحات النموذج، الطبقة الذهبية.

## شريط القوائم وعرض > اللغة.

menu-file = ملف
menu-edit = تحرير
menu-go = انتقال
menu-view = عرض
menu-help = مساعدة
menu-language = اللغة
menu-language-help = لغة الواجهة (تُحفظ)؛ العربية تعكس اتجاه النافذة

## الأوامر: بنود القوائم (cmd-*) وجملة المساعدة لكل منها (cmd-*-help).

cmd-open-project = فتح مشروع…
cmd-open-project-help = فتح مجلد مشروع آخر
cmd-next-document = الوثيقة التالية
cmd-next-document-help = الانتقال إلى الوثيقة التالية في القائمة
cmd-previous-document = الوثيقة السابقة
cmd-previous-document-help = الانتقال إلى الوثيقة السابقة في القائمة
cmd-validate-project = التحقق من المشروع
cmd-validate-project-help = تحميل كل الوثائق وسرد كل مشكلة مع ملفها وسطرها
cmd-toggle-problems = المشكلات
cmd-toggle-problems-help = إظهار أو إخفاء قائمة المشكلات في ملفات المشروع
cmd-zoom-in = تكبير
cmd-zoom-in-help = تكبير نص المقال
cmd-zoom-out = تصغير
cmd-zoom-out-help = تصغير نص المقال
cmd-zoom-reset = الحجم الفعلي
cmd-zoom-reset-help = عرض نص المقال بحجمه الافتراضي
cmd-toggle-labels = تسميات الأنواع
cmd-toggle-labels-help = إظهار أو إخفاء تسميات الأنواع الصغيرة فوق كل مقطع مظلَّل
cmd-toggle-suggestions = الاقتراحات
cmd-toggle-suggestions-help = إظهار أو إخفاء اقتراحات النموذج المعلّقة (بإطار متقطع)
cmd-toggle-theme = السمة الداكنة
cmd-toggle-theme-help = التبديل بين السمة الفاتحة والداكنة
cmd-copy-selection = نسخ
cmd-copy-selection-help = نسخ نص المقال المحدَّد
cmd-redo = إعادة
cmd-redo-help = إعادة آخر تغيير تم التراجع عنه
cmd-undo = تراجع
cmd-undo-help = التراجع عن آخر تغيير
cmd-save = حفظ
cmd-save-help = حفظ كل التغييرات الآن (تُحفظ التغييرات تلقائيًا أيضًا خلال ثانية)
cmd-delete-mention = حذف
cmd-delete-mention-help = حذف الإشارة أو الحدث المعروض في المفتش، وإلا الإشارة المحدّدة، وإلا أعمق إشارة عند المؤشر
cmd-new-event = حدث جديد…
cmd-new-event-help = جعل التحديد مُطلِقًا لحدث: اختر نوع الحدث
cmd-relate-mention = ربط بإشارة أخرى
cmd-relate-mention-help = ربط الإشارة المعروضة في المفتش بأخرى: اضغط R، ثم انقر الأخرى
cmd-cancel = إلغاء
cmd-cancel-help = إغلاق الرسالة، وإلا إيقاف اختيار ملء الدور، وإلا إغلاق النافذة العليا، وإلا إغلاق المفتش، وإلا إلغاء التحديد
cmd-toggle-done = اكتمل ترميز الوثيقة
cmd-toggle-done-help = وسم هذه الوثيقة مكتملة لك (مرة أخرى لإعادتها قيد العمل)
cmd-next-unfinished = الوثيقة غير المكتملة التالية
cmd-next-unfinished-help = الانتقال إلى الوثيقة التالية التي لم تَسِمها مكتملة (الوثائق المسندة إليك أولًا)
cmd-toggle-events = جدول الأحداث
cmd-toggle-events-help = عرض أحداث هذه الوثيقة أو المشروع كله، مع الفرز
cmd-search = البحث في المشروع…
cmd-search-help = البحث عن كلمات في كل الوثائق (إملاء موحَّد، مع تجاهل السوابق واللواحق)
cmd-toggle-actors = سجل الفاعلين
cmd-toggle-actors-help = سرد فاعلي المشروع والبحث فيهم وإنشاؤهم وتحريرهم ودمجهم
cmd-toggle-schema = محرر المخطط
cmd-toggle-schema-help = إضافة أنواع الكيانات والأحداث والأدوار وإعادة تسميتها وتلوينها وتغيير مفاتيحها
cmd-move-end-left = تحريك نهاية الإشارة يسارًا
cmd-move-end-help = تحريك حافة نهاية الإشارة المعروضة حرفًا واحدًا باتجاه السهم (في العربية النهاية هي الحافة اليسرى)
cmd-move-end-right = تحريك نهاية الإشارة يمينًا
cmd-move-start-left = تحريك بداية الإشارة يسارًا
cmd-move-start-help = تحريك حافة بداية الإشارة المعروضة حرفًا واحدًا باتجاه السهم (في العربية البداية هي الحافة اليمنى)
cmd-move-start-right = تحريك بداية الإشارة يمينًا
cmd-next-suggestion = الاقتراح التالي
cmd-next-suggestion-help = مراجعة الاقتراح المعلّق التالي في هذه الوثيقة (يفتح قائمة المراجعة)
cmd-previous-suggestion = الاقتراح السابق
cmd-previous-suggestion-help = مراجعة الاقتراح المعلّق السابق
cmd-accept-suggestion = قبول الاقتراح
cmd-accept-suggestion-help = قبول الاقتراح قيد المراجعة بحدود التحديد (حدود مختلفة تسجّله معدَّلًا)
cmd-reject-suggestion = رفض الاقتراح
cmd-reject-suggestion-help = رفض الاقتراح قيد المراجعة؛ لن يقترحه المصدر نفسه مرة أخرى
cmd-import-suggestions = استيراد اقتراحات…
cmd-import-suggestions-help = استيراد اقتراحات نموذج (Hugging Face، spaCy، doccano، Label Studio، brat)
cmd-import-documents = استيراد وثائق…
cmd-import-documents-help = استيراد مدوّنة: وثيقة لكل سطر JSON أو صف CSV، مع بياناتها الوصفية
cmd-import-annotations = استيراد ترميزات…
cmd-import-annotations-help = استيراد ترميزات brat أو doccano إلى طبقتك
cmd-export = تصدير…
cmd-export-help = تصدير البيانات المرمَّزة: events-csv أو brat أو doccano أو CoNLL أو hf-jsonl أو صفحات HTML
cmd-toggle-review-stats = إحصاءات المراجعة
cmd-toggle-review-stats-help = الاقتراحات المقبولة والمعدَّلة والمرفوضة لكل مصدر، والدقة حسب الدرجة
cmd-change-coder = تغيير المرمِّز…
cmd-change-coder-help = الترميز باسم آخر: تذهب تعديلاتك إلى طبقة ذلك الاسم
cmd-toggle-shortcuts = اختصارات لوحة المفاتيح
cmd-toggle-shortcuts-help = إظهار هذه القائمة أو إخفاؤها
cmd-toggle-progress = تقدّم الإسناد
cmd-toggle-progress-help = الوثائق المسندة إلى كل مرمِّز (tarmeez assign): كم اكتمل منها، وكم قيد العمل، وكم لم يبدأ
cmd-quit = خروج
cmd-quit-help = إغلاق ترميز (تُحفظ التغييرات أولًا)
cmd-sync = مزامنة
cmd-sync-help = الحفظ، وإيداع تغييراتك، وجلب عمل زملائك ودمجه، وإرسال عملك (دون اتصال: الإيداع الآن والإرسال لاحقًا)
cmd-share-project = مشاركة المشروع…
cmd-share-project-help = جعل هذا المشروع مستودع git مشتركًا على خادم بعيد، ليتزامن معه الفريق
cmd-toggle-agreement = الاتفاق
cmd-toggle-agreement-help = مدى اتفاق المرمِّزين، زوجًا زوجًا ولكل نوع، واتفاقك مع الطبقة الذهبية؛ كل خلية تفتح مواضع الخلاف
cmd-curate = التحكيم (الطبقة الذهبية)
cmd-curate-help = الفصل في خلافات المرمِّزين إلى الطبقة الذهبية (مرة أخرى للعودة إلى الترميز باسمك)
cmd-take-version = اعتماد نسخة المرمِّز { $n }
cmd-take-version-help = أثناء التحكيم: جعل نسخة ذلك المرمِّز للوحدة الحالية هي الذهبية (Enter يعتمد نسخة الأغلبية)
cmd-arm-role = ملء الدور { $n } تاليًا
cmd-arm-role-help = ملء ذلك الدور من الحدث المعروض تاليًا (تحديد ثم مفتاح نوع)
cmd-toggle-tashkeel = إخفاء التشكيل
cmd-toggle-tashkeel-help = عرض المقال دون الحركات وسائر العلامات (المواضع لا تتغير)
cmd-new-project = مشروع جديد…
cmd-new-project-help = إنشاء مشروع في مجلد جديد أو فارغ، بالمخطط الافتراضي
cmd-add-text-files = إضافة ملفات نصية…
cmd-add-text-files-help = إضافة ملفات ‎.txt‎ بترميز UTF-8 كوثائق، ملف لكل وثيقة (تُتخطّى الملفات الفارغة والمكرّرة وتُسرد)
cmd-add-text-folder = إضافة مجلد ملفات نصية…
cmd-add-text-folder-help = إضافة كل ملف ‎.txt‎ في مجلد ومجلداته الفرعية كوثائق

## أسماء الأدوار في المخطط الافتراضي (المخطط لا يحمل اسمًا عربيًا للأدوار).

role-Attacker = المهاجم
role-Target = الهدف
role-Location = المكان
role-Time = الزمان
role-Instrument = الأداة
role-Casualties = الضحايا
role-Threatener = المهدِّد
role-Threatened = المهدَّد
role-Speaker = المتحدث
role-Addressee = المخاطَب
role-Agent = الفاعل
role-Origin = المنطلق
role-Destination = الوجهة

## الأعداد (للعربية ست صيغ جمع).

documents-count = { $count ->
    [zero] لا وثائق
    [one] وثيقة واحدة
    [two] وثيقتان
    [few] { $count } وثائق
    [many] { $count } وثيقة
   *[other] { $count } وثيقة
}

## اللوحات الجانبية.

panel-show-documents = إظهار قائمة الوثائق
panel-show-inspector = إظهار المفتش

## قائمة الوثائق.

documents-heading = الوثائق
documents-mine = المسندة إليّ
documents-others = وثائق أخرى
documents-progress = { $status }، { $mentions ->
    [zero] لا إشارات
    [one] إشارة واحدة
    [two] إشارتان
    [few] { $mentions } إشارات
   *[other] { $mentions } إشارة
}، { $events ->
    [zero] لا أحداث
    [one] حدث واحد
    [two] حدثان
    [few] { $events } أحداث
   *[other] { $events } حدثًا
}
documents-unreadable = تعذّرت قراءة الطبقة
status-new = جديدة
status-in-progress = قيد العمل
status-done = مكتملة

## ألسنة اللوحة اليمنى.

tab-curation = التحكيم
tab-inspector = المفتش
tab-review = مراجعة الاقتراحات

## المفتش.

inspector-empty = انقر إشارة مظلَّلة أو مُطلِق حدث لعرضه في المفتش.
inspector-mark-as = وسم التحديد بوصفه
inspector-trigger-of = جعله مُطلِقًا لحدث
inspector-not-editable = المعروض طبقة مرمِّز آخر، أو المشروع للقراءة فقط: اختر طبقتك في شريط الأدوات لترمّز.
inspector-score = ، الدرجة { $score }
inspector-provenance = من اقتراح { $source } رقم { $suggestion }{ $score }؛ قبله { $reviewer } في { $at }
inspector-events = أحداث هذه الوثيقة
inspector-roles-empty =
    { $count ->
        [one] {"  "}(دور إلزامي واحد فارغ)
        [two] {"  "}(دوران إلزاميان فارغان)
        [few] {"  "}({ $count } أدوار إلزامية فارغة)
       *[other] {"  "}({ $count } دورًا إلزاميًا فارغًا)
    }

## الحدث في المفتش.

event-heading = الحدث { $id }: { $name }
event-trigger = المُطلِق { $text }
event-roles = الأدوار
event-delete = حذف الحدث (Del)
event-relations = العلاقات
event-remove-relation = إزالة هذه العلاقة
event-related = الحدث المرتبط
event-relate = { $name }: ربطه
event-filling = ملء { $role }: حدِّد نصه واضغط مفتاح نوع، أو انقر إشارة (Esc للإيقاف)
event-roles-hint = رقم الدور (Ctrl+الرقم) يملؤه تاليًا
event-pick-help = { $key }ملء { $role } تاليًا: حدِّد نصه واضغط مفتاح نوع، أو انقر إشارة
event-pick = اختيار { $role }
event-required-empty = إلزامي، ولا إشارة تملؤه بعد
event-filler-help = { $id } — انقر للفحص؛ انقر بالزر الأيمن للإزالة
event-remove-filler = إزالة هذا المالئ
event-no-candidates = لا إشارة بعد من نوع يقبله { $role }
event-choose-filler-help = اختر مالئًا لـ { $role } من الإشارات التي يقبلها
event-choose-filler = اختر مالئًا لـ { $role }

## الإشارة في المفتش، والتاريخ الذي تدل عليه كلماتها.

mention-heading = الإشارة { $id }
mention-type = النوع
mention-type-name = نوع الإشارة
mention-letters = الحروف
mention-role-of = { $role } في { $event }
list-separator = { "، " }
mention-fills = تملأ: { $roles }
mention-propose = اقتراح مواضعها الأخرى:
mention-propose-document = هذه الوثيقة
mention-propose-project = المشروع
mention-delete = حذف الإشارة (Del)
mention-actor = الفاعل
mention-unlink = فكّ الربط
mention-add-alias = إضافة نص الإشارة اسمًا بديلًا
mention-search-hint = ابحث في الفاعلين (إملاء موحَّد، يتسامح مع الأخطاء)
mention-search-actors = البحث في الفاعلين
mention-actors-matching = الفاعلون المطابقون لـ { $text }:
mention-no-actor = لا فاعل مطابق.
mention-new-actor = + فاعل جديد { $text }
mention-start-minus = البداية −
mention-start-minus-help = إسقاط الحرف الأول
mention-start-plus = البداية +
mention-start-plus-help = ضم الحرف السابق
mention-end-minus = النهاية −
mention-end-minus-help = إسقاط الحرف الأخير
mention-end-plus = النهاية +
mention-end-plus-help = ضم الحرف التالي
mention-to-selection = = التحديد
mention-to-selection-help = جعل حروف الإشارة هي التحديد
mention-relations = العلاقات
mention-relation-to = { $relation } { $words }
mention-relation-from = { $words } { $relation } هذه الإشارة
mention-relation-remove-help = إزالة هذه العلاقة
mention-relation-remove-name = إزالة العلاقة { $id }
mention-relation-inspect-help = فحص الإشارة الأخرى
mention-relating = ربط: انقر الإشارة المرتبطة بها (Esc يوقف الربط)
mention-relate = ربطها بإشارة أخرى (R)
date-part = ، { $part }
date-first-day = { " " }(يومه الأول)
date-reads-as = تُقرأ { $reading }{ $part }، والنشر في { $published }.
date-use = استخدام { $date }{ $first }
date-use-help = جعل { $attribute } { $date }
date-dawn = فجرًا
date-morning = صباحًا
date-noon = ظهرًا
date-afternoon = عصرًا
date-evening = مساءً
date-night = ليلًا

## السمات والملاحظات.

attributes-heading = السمات
attribute-yes = نعم
attribute-no = لا
attribute-of = { $name } لـ { $owner }
attribute-number-hint = رقم
attribute-not-number = يجب أن تكون { $name } رقمًا، لا «{ $typed }»
attribute-not-date = يجب أن تكون { $name } تاريخًا بصيغة YYYY أو YYYY-MM أو YYYY-MM-DD، لا «{ $typed }»
note-heading = ملاحظة

## عرض الوثيقة وشريط أدواته.

view-no-documents = لا وثائق في هذا المشروع بعد. أضف مقالاتك:
view-select-document = اختر وثيقة من القائمة.
view-characters = { $count } حرفًا
view-broken = في هذه الوثيقة مشكلات، وهي للقراءة فقط حتى تُصلَح:
view-no-layer = لا شيء
view-layer = الطبقة
view-yours = { " " }(طبقتك)
view-layer-choice = { $coder }{ $mine }: إشارات { $mentions }، أحداث { $events }، علاقات { $relations }
view-suggestions =
{ $count ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $count } اقتراحات
   *[other] { $count } اقتراحًا
}
view-against-gold = مقارنة بالذهبية
view-against-gold-help = وسم ما فات هذه الطبقة (برتقالي متقطع) وما زاد فيها (أحمر) مقارنة بالطبقة الذهبية المحكَّمة
view-labels = التسميات
view-no-tashkeel = دون تشكيل
view-selected = المحدَّد { $start }..{ $end } ({ $count } حرفًا): { $text }
view-selection-hint = اسحب لتحديد كلمات (مع Alt لحروف مفردة)، أو انقر كلمة مرتين؛ الأسهم وHome/End وPage Up/Down تحرّك المؤشر، وShift يحدّد (F1 يسرد المفاتيح).

## شريط الحالة.

status-no-project = لا مشروع مفتوح
status-project =
{ $name } · { $count ->
    [zero] لا وثائق
    [one] وثيقة واحدة
    [two] وثيقتان
    [few] { $count } وثائق
   *[other] { $count } وثيقة
}
status-curating = تحكيم الطبقة الذهبية باسم { $coder } (انتقال > التحكيم للعودة إلى الترميز)
status-annotator = المرمِّز: { $coder }
status-saved = محفوظ
status-saving = جارٍ الحفظ…
status-save-failed = فشل الحفظ (تُعاد المحاولة)
status-save-refused = لم يُحفظ: تغيّر في مكان آخر
status-read-only = للقراءة فقط
status-problems =
{ $count ->
    [0] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $count } مشكلات
   *[other] { $count } مشكلة
}

## المشاركة عبر git: زر المزامنة في شريط الحالة.

sync-running = جارٍ المزامنة…
sync-button = مزامنة
sync-not-shared = غير مشترك
sync-failed = فشلت المزامنة
sync-offline = دون اتصال — { $count } للدفع
sync-synced = تمت المزامنة { $at }
sync-pending = مزامنة: { $up } للإرسال، { $down } للجلب
sync-last-failed = فشلت المزامنة الأخيرة: { $why }
sync-reading = قراءة حالة مزامنة المشروع…
sync-not-shared-help = غير مشترك بعد: انقر لمشاركته (ملف > مشاركة المشروع…)
sync-no-remote = غير محدَّد
sync-remote = المستودع المشترك: { $remote }
sync-commits = إيداعات للإرسال: { $up }، وللاستلام: { $down } (حتى آخر مزامنة)
sync-changed = ملفات تغيّرت منذ آخر مزامنة: { $count }
sync-last-syncs = آخر المزامنات:
sync-click = انقر للمزامنة (F5)
sync-running-help = جارٍ المزامنة مع المستودع المشترك…

## شاشة الترحيب.

welcome-no-project = لا مشروع مفتوح
welcome-sample = فتح المشروع النموذجي
welcome-sample-help = مقال واحد عن حقل العمر النفطي، مرمَّز مسبقًا، للتجربة
welcome-recent-empty = تظهر هنا المشاريع التي تفتحها.
welcome-recent = المشاريع الأخيرة
welcome-open-recent = فتح هذا المشروع
welcome-recent-gone = لم يعد في هذا المجلد مشروع

## نافذة المشكلات.

problems-none = لا مشكلات في الوثائق المحمَّلة حتى الآن.
problems-check = فحص كل الوثائق

## الرسائل.

message-ok = حسنًا
message-stays-open = يبقى ترميز مفتوحًا: تعذّر حفظ بعض تغييراتك ({ $why }).

## عناوين نوافذ الأدوات.

window-actors = الفاعلون
window-agreement = الاتفاق
window-new-event = حدث جديد
window-events = الأحداث
window-export = تصدير
window-import-annotations = استيراد ترميزات
window-import-documents = استيراد وثائق
window-import-suggestions = استيراد اقتراحات
window-add-text-files = إضافة ملفات نصية
window-problems = المشكلات
window-assignment-progress = تقدّم الإسناد
window-review-statistics = إحصاءات المراجعة
window-schema = المخطط
window-search = البحث
window-share-project = مشاركة المشروع
window-keyboard-shortcuts = اختصارات لوحة المفاتيح

## حدث جديد: اختيار نوع الحدث.

chooser-select-first = حدِّد كلمة المُطلِق أولًا.
chooser-type = نوع الحدث للمُطلِق المحدَّد:

## البحث.

search-running = جارٍ البحث عن { $query }…
search-matches =
{ $count ->
    [zero] لا نتائج لـ { $query }
    [one] نتيجة واحدة لـ { $query }
    [two] نتيجتان لـ { $query }
    [few] { $count } نتائج لـ { $query }
   *[other] { $count } نتيجة لـ { $query }
}
search-hint = كلمة أو عبارة
search-button = بحث
search-help = الإملاء موحَّد (صور الألف، والياء والألف المقصورة، والتاء المربوطة، والحركات، والأرقام)، وتُتجاهل السوابق مثل و ب ال، ويُتسامح مع الأخطاء الصغيرة.

## جدول الأحداث.

events-this-document = هذه الوثيقة
events-whole-project = المشروع كله
events-count =
{ $count ->
    [zero] لا أحداث (طبقتك) · انقر عنوانًا للفرز، وصفًّا لفتحه
    [one] حدث واحد (طبقتك) · انقر عنوانًا للفرز، وصفًّا لفتحه
    [two] حدثان (طبقتك) · انقر عنوانًا للفرز، وصفًّا لفتحه
    [few] { $count } أحداث (طبقتك) · انقر عنوانًا للفرز، وصفًّا لفتحه
   *[other] { $count } حدثًا (طبقتك) · انقر عنوانًا للفرز، وصفًّا لفتحه
}
events-sort-up = { " " }(تصاعدي)
events-sort-down = { " " }(تنازلي)
events-date-event = سمة التاريخ الخاصة بالحدث.
events-date-time-mention = التاريخ الموحَّد لتعبير الزمن الذي يملأ دور الزمان في الحدث.
events-date-time-words = مقروء من كلمات تعبير الزمن الذي يملأ دور الزمان، نسبةً إلى تاريخ النشر؛ غير مؤكَّد. افحص إشارة الزمن واعتمد تاريخها المقترح لتأكيده.
events-date-publication = تاريخ نشر الوثيقة: لم يُملأ دور الزمان في الحدث. ربما وقع قبل ذلك.
events-date-publication-undated = تاريخ نشر الوثيقة: تعبير الزمن الذي يملأ دور الزمان بلا تاريخ موحَّد. أعطه تاريخًا (سمة التاريخ) ليؤرَّخ الحدث به.
events-date-unknown = لا تاريخ: ليس للوثيقة تاريخ نشر أيضًا.
events-from-attribute = سمة تاريخ الحدث
events-from-time-role = دور الزمان { $time }
events-from-words = مقروء من { $time }
events-from-publication = تاريخ النشر
events-from-publication-undated = النشر ({ $time } بلا تاريخ)
column-event = الحدث
column-date = التاريخ
column-date-from = مصدر التاريخ
column-time = الزمان
column-event-type = نوع الحدث
column-actor-1 = الفاعل 1
column-actor-2 = الفاعل 2
column-location = المكان
column-fatalities = القتلى
column-modality = الصيغة
column-reported-by = المُبلِّغ
column-source = المصدر
column-document = الوثيقة
column-annotator = المرمِّز
column-trigger = المُطلِق
column-notes = الملاحظات

## إصلاح مجلد المشروع؛ أزرار عامة.

repair-cannot-run = لا يمكن إجراء الإصلاح: { $why }
repair-nothing = لا شيء يحتاج إلى إصلاح.
repair-will = سيقوم الإصلاح بما يلي:
repair-now = إصلاح الآن
repair-now-help = يُحفظ عملك أولًا، ثم يُعاد فتح المشروع
repair-help = بيان ما سيُفعل بما خلّفته عمليات الحفظ والاستيراد المقطوعة، ثم فعله
repair-button = إصلاح…
button-cancel = إلغاء
button-close = إغلاق

## تقدّم الإسناد.

progress-unreadable = تعذّرت قراءة الإسنادات: { $problem }
progress-none = لا وثائق مسندة في هذا المشروع. يسندها المشرف بالأمر `tarmeez assign`.
progress-reading = قراءة ملفات المرمِّزين…
progress-refresh = تحديث
progress-refresh-help = إعادة قراءة ملفات المرمِّزين (بعد مزامنة)
progress-summary = وثائق مسندة: { $documents }، منها { $overlap } إلى مرمِّزَين أو أكثر
progress-coder = المرمِّز
progress-assigned = المسندة
progress-done = المكتملة
progress-in-progress = قيد العمل
progress-not-started = لم تبدأ
progress-you = { $coder } (أنت)
progress-unread = ، غير مقروءة: { $count }
progress-bar = اكتمل { $percent }%{ $unknown }

## إحصاءات المراجعة.

stats-mine = قراراتي ({ $coder })
stats-pooled = كل المرمِّزين معًا
stats-none = لا اقتراحات في الوثائق المحمَّلة.
stats-source = المصدر
stats-accepted = مقبولة
stats-edited = معدَّلة
stats-rejected = مرفوضة
stats-pending = معلّقة
stats-precision-all = الدقة (كل الدرجات)
stats-precision-help = الدقة عند عتبة: نسبة الاقتراحات المراجَعة التي بلغت درجتها العتبة وقُبلت كما اقتُرحت.
stats-threshold = عتبة الدرجة
stats-precision = الدقة

## مشاركة المشروع.

share-help = يزامن أعضاء الفريق هذا المشروع عبر مستودع git يصلون إليه جميعًا: مستودع فارغ على GitHub أو GitLab، أو مستودع مجرد على قرص مشترك. تُستخدم إعدادات git الخاصة بك (مفاتيح SSH، ومساعدات الاعتماد).
share-remote = المستودع المشترك:
share-button = مشاركة
share-button-help = جعل المجلد مستودعًا، وإيداع المشروع، وإرساله إليه
share-running = جارٍ المشاركة…

## قائمة المراجعة (اقتراحات النموذج).

review-shown = المعروض من المعلّق: { $shown }، من أصل { $total } اقتراحًا في هذه الوثيقة
review-start = { $key } يبدأ بالاقتراح الأول؛ Enter يقبل، وBackspace يرفض.
review-order = الترتيب
review-position = الموضع
review-score = الدرجة
review-all-types = كل الأنواع
review-type = نوع الاقتراح
review-to = إلى
review-lowest = أدنى درجة
review-highest = أعلى درجة
review-accept-all = قبول كل المعروض:
review-in-document = في هذه الوثيقة
review-in-project = في المشروع
review-propagate = اقتراح المواضع الأخرى لكل إشارة مقبولة
review-gazetteer = سجل الفاعلين معجمًا للأسماء:
review-stats = إحصاءات المراجعة…
review-no-score = بلا درجة
review-score-of = الدرجة { $score }
review-current = { $name } · { $score } · { $source }
review-accept = قبول (Enter)
review-reject = رفض (Backspace)
review-adjust = عدّل التحديد قبل القبول لتصحيح حدوده؛ مفتاح النوع يقبله بذلك النوع.

## وصف المقطع المظلَّل عند المرور فوقه.

describe-actor = الفاعل: { $name } ({ $kind })
describe-actor-unknown = الفاعل: { $id } (ليس في السجل)
describe-note = ملاحظة: { $note }
describe-from-suggestion = من الاقتراح { $suggestion } لـ { $source }{ $score }، قبله { $reviewer } في { $at }
describe-event = حدث { $name } { $id }
describe-trigger = المُطلِق { $text }
describe-required-empty = { $role }: (إلزامي، فارغ)
describe-event-type = حدث { $name }
describe-suggestion = اقتراح: { $kind }{ $score }
describe-from = من { $source } ({ $model })، { $status }
describe-pending = بانتظار المراجعة
describe-accepted = مقبول
describe-rejected = مرفوض
describe-edited = مقبول مع تعديل
describe-gold = في الطبقة الذهبية:
describe-whose = لدى { $coder }:

## التحكيم: الطبقة الذهبية.

curation-heading = تحكيم الطبقة الذهبية
curation-decided = ، المحسومة: { $count }
curation-open = خلافات مفتوحة: { $count }{ $decided }
curation-pair = فقط حيث يختلف { $a } و{ $b }
curation-show-all = عرض الكل
curation-show-decided = والوحدات المحسومة والمرفوضة أيضًا
curation-at-least = على الأقل
curation-merge = من { $count } متفقون: دمج
curation-merge-help = يعتمد كل وحدة مفتوحة يتفق على نسختها هذا العدد من المرمِّزين، بخطوة واحدة (التراجع يعيدها)؛ وتُترك الوحدات المحسومة
curation-none = لا خلاف متبقٍّ هنا. Tab يتنقل في القائمة.
curation-agreed = متفق عليه
curation-nothing = (لا شيء)
curation-take-help = { $key }نسخة { $coder } تصبح الذهبية
curation-take = اعتماد
curation-majority = الأغلبية
curation-majority-help = Enter: اعتماد النسخة التي يتفق عليها أكثر المرمِّزين (الرفض إن لم يسم أكثرهم شيئًا)
curation-reject = رفض الكل
curation-reject-help = Backspace: لا تحتفظ الطبقة الذهبية بشيء هنا، وتتذكر ذلك
curation-keys = Tab: الوحدة التالية · Shift+Tab: السابقة · Ctrl+Z: تراجع

## من يرمّز؟

name-heading = من يرمّز؟
name-why = اسمك هو اسم طبقة ترميزك، فلا يكتب مرمِّزو الفريق في الملفات نفسها أبدًا.
name-remembered = يُسأل عنه مرة واحدة ويُحفظ على هذا الحاسوب (ملف > تغيير المرمِّز… يغيّره).
name-empty = اكتب اسمًا فيه حرف أو رقم واحد على الأقل.
name-placeholder = `{ $name }` ليس اسمًا: اكتب اسمك، لتكون طبقتك لك وحدك.
name-gold = `gold` اسم الطبقة المحكَّمة: اكتب اسمك، ثم حكِّم من انتقال > التحكيم.
name-layer = طبقتك: annotations/<document>/{ $name }.ron
name-taken = للاسم `{ $name }` عمل في هذا المشروع (وثائق: { $count }). إن لم يكن هذا أنت فاختر اسمًا آخر: وإلا صارت طبقات ذلك المرمِّز لك.
name-is-me = نعم، هذا أنا
name-start = ابدأ الترميز

## ملف > مشروع جديد.

new-project-title = مشروع جديد
new-project-folder = المجلد
new-project-folder-hint = مجلد جديد أو فارغ: اكتب أو الصق أو اختر
new-project-folder-help = ينشئ ترميز المجلد إن لم يكن موجودًا
new-project-choose = اختيار…
new-project-name = الاسم
new-project-name-hint = يظهر في شريط العنوان
new-project-schema = يبدأ المشروع بمخطط النزاع الافتراضي (فاعلون، أماكن، هجمات…)، ويغيّره محرر المخطط.
new-project-create = إنشاء

## تنبيهات الجلسة.

notice-read-only = لا يمكن تغيير شيء: { $why }.
notice-other-layer = المعروض طبقة مرمِّز آخر: اختر طبقتك في شريط الأدوات لترمّز.
notice-not-made = لم يُجرَ التغيير: { $why }
notice-all-done = كل الوثائق الأخرى مكتملة.
notice-marked-but = وُسِمت، لكن { $why }.
notice-no-pending = لا اقتراح معلّق يطابق المرشِّح.
notice-registry-nothing = أسماء السجل لا تطابق شيئًا جديدًا.
notice-no-occurrence = لا مواضع أخرى لـ { $text } لاقتراحها.
notice-proposed = مواضع أخرى اقتُرحت للمراجعة: { $count } (المصدر: propagate).
notice-curate-first = ابدأ التحكيم أولًا: انتقال > التحكيم (الطبقة الذهبية).
notice-no-merge = لا وحدة مفتوحة لها نسخة يتفق عليها { $count } من المرمِّزين.
notice-merged = دُمجت وحدات في الطبقة الذهبية: { $count } (Ctrl+Z يتراجع).
notice-no-unit = لا خلاف محدَّد: Tab ينتقل إلى التالي.
notice-no-coder = لا مرمِّز رقمه { $n } هنا: لهذه الوحدة { $count }.
notice-no-majority = لا نسخة يتفق عليها مرمِّزون أكثر من غيرها: اعتمد إحداها بـ Alt+رقمها.
notice-relate-how = لربط إشارتين: انقر الأولى، ثم اضغط R، ثم انقر الثانية.
notice-relate-none-from = ليس في المخطط علاقة تبدأ من إشارة من نوع { $kind } (يمكن إضافتها من تحرير > محرر المخطط).
notice-relate-click = انقر إشارة موسومة لربطها (Esc يوقف الربط).

## رسائل النافذة.

message-code-as = ترمّز الآن باسم { $coder }؛ ويُحفظ عملك حتى الآن أولًا.
message-name-not-remembered = يُستخدم اسمك في هذه الجلسة لكن تعذّر حفظه: { $why }
message-repair-unsaved = لم يُصلَح شيء: تعذّر حفظ تغييراتك أولًا؛ انظر شريط الحالة.
message-repair-failed = لم يُصلَح شيء: { $why }
message-open-unsaved = تعذّر حفظ كل تغييرات المشروع المفتوح، فيبقى مفتوحًا؛ انظر شريط الحالة.
message-open-failed =
    تعذّر فتح { $dir }:
    { $why }
message-sync-unsaved = لم تتم المزامنة: تعذّر حفظ تغييراتك أولًا؛ انظر شريط الحالة.
message-sync-failed = لم تتم المزامنة: { $why }

## سجل الفاعلين.

actors-search-hint = ابحث في الأسماء والأسماء البديلة
actors-new = فاعل جديد
actors-new-help = إنشاء فاعل باسم نص البحث
actors-select = اختر فاعلًا لتحريره.
actors-save = حفظ التغييرات
actors-needs-name = للفاعل اسم لا بد منه.
button-revert = استرجاع
actors-kind = الصنف
actors-affiliation = الانتماء
actors-aliases = الأسماء البديلة
actors-remove-alias = إزالة هذا الاسم البديل
actors-new-alias = اسم بديل جديد
actors-add = إضافة
actors-merge-into = دمج في
actors-merge = دمج
actors-merge-help = ينتقل اسم هذا الفاعل وأسماؤه البديلة إلى الآخر؛ وتُعاد ربط إشاراتك

## محرر المخطط.

schema-apply = تطبيق
schema-ids = يأخذ النوع الجديد المعرّف الذي يُكتب له حتى التطبيق؛ بعده لا تتغير المعرّفات أبدًا (إعادة التسمية تُبقي الترميزات صالحة). التطبيق تغيير واحد يمكن التراجع عنه.
schema-entity-types = أنواع الكيانات
schema-id = المعرّف
schema-name = الاسم
schema-arabic-name = الاسم العربي
schema-colour = اللون
schema-key = المفتاح
schema-add-entity = إضافة نوع كيان
schema-event-types = أنواع الأحداث
schema-add-event = إضافة نوع حدث
schema-role = الدور
schema-takes = يقبل
schema-required = إلزامي
schema-repeats = يتكرر
schema-add-role = إضافة دور

## ملف > تصدير.

export-into = إلى { $dir }
export-mine = طبقتك
export-gold = الطبقة الذهبية (المحكَّمة)
export-everyone = كل الطبقات
export-button = التصدير إلى المجلد
export-running = جارٍ التصدير… { $seconds } ث

## ملف > إضافة ملفات نصية.

import-text-looking = البحث عن ملفات ‎.txt‎…
import-text-progress = { $done } من { $total } ملفًا

## ملف > استيراد التوسيمات: تسميات ليس لها نوع في المخطط.

import-types-heading = { $count ->
    [one] تسمية واحدة في الملف ليس لها نوع في المخطط
   *[other] { $count } من تسميات الملف ليس لها نوع في المخطط
}
import-types-hint = اربط كلًّا منها بنوع من أنواع المخطط، أو أضِفه إلى المخطط نوعًا جديدًا.
import-types-add-entity = إضافة نوعَ كيانٍ جديدًا
import-types-add-event = إضافة نوعَ حدثٍ جديدًا
import-types-add-relation = إضافة نوعَ علاقةٍ جديدًا
import-types-adds = يضيف إلى المخطط: { $what }

## المفتش: نوع العلاقة.

relation-type-name = نوع العلاقة { $id }

## Agreement window: relations between mentions and between events.

agreement-relations-heading = العلاقات
agreement-relations-unit = الوحدة زوج من الطرفين (بالمدى والنوع نفسيهما عند المرمِّزَين) ربط بينهما أحد المرمِّزين؛ وسمها نوع العلاقة، أو «لا شيء» حيث وسم المرمِّز الطرفين ولم يربط بينهما. من لم يسم الطرفين كليهما لا وسم له: غير مقترنة.
agreement-relations-mentions = بين الإشارات: { $count } علاقة
agreement-relations-events = بين الأحداث: { $count } علاقة
agreement-relations-alpha = ألفا كريبندورف (اسمية)، كل المرمِّزين: { $alpha } على { $units } وحدة
agreement-relations-pair = الزوج
agreement-relations-counts = علاقات / علاقات / متطابقة
agreement-relations-f1 = مقياس F1 [95%]
agreement-relations-kappa = كابا كوهين (الوحدات)
agreement-relations-unpaired = غير مقترنة
agreement-relations-confusion = الوسوم { $a } / { $b }

## Curation of relations.

notice-relation-ends = طرفا هذه العلاقة ليسا في الطبقة الذهبية بعد. احسم هذه أولًا ثم اعتمدها:
curation-relation-to = تشير إلى { $to }

## ملف > استيراد الترميزات.

import-file = الملف: { $path }
import-into-layer = إلى طبقتك ({ $coder })
import-format = الصيغة
import-every-tsv = كل ملفات ‎.tsv‎ في مجلده
import-every-ann = كل ملفات ‎.ann‎ في مجلده
import-into-shown = إلى الوثيقة المعروضة ({ $doc })
import-replace = استبدال ترميزاتي لهذه الوثائق
import-into-my-layer = استيراد إلى طبقتي
import-ls-user = ترميزات مستخدم Label Studio
import-choose = (اختر)

## مصادر النماذج (المسألة 18).

cmd-model-sources = مصادر النماذج…
cmd-model-sources-help = خوادم النماذج التي تقترح التوسيمات: عنوانها وتسمياتها وتعليماتها؛ واسألها عن الوثائق
cmd-ask-document = اسأل النموذج عن هذه الوثيقة
cmd-ask-document-help = اسأل مصدر النموذج عن الوثيقة المعروضة في الخلفية؛ يصير جوابه اقتراحات للمراجعة
cmd-ask-project = اسأل النموذج عن كل الوثائق
cmd-ask-project-help = اسأل مصدر النموذج عن كل وثائق المشروع في الخلفية، بضع وثائق في كل مرة
cmd-cancel-asking = أوقف سؤال النموذج
cmd-cancel-asking-help = أوقف سؤال مصدر النموذج؛ تحتفظ الوثائق التي أجيب عنها باقتراحاتها
menu-model = النموذج
notice-no-model-source = لا يملك أي مصدر نموذج خادمًا بعد: أضف واحدًا في النموذج > مصادر النماذج.
window-model-sources = مصادر النماذج
sources-list = المصادر:
sources-new = مصدر جديد
sources-none = لا يملك أي مصدر خادم نموذج بعد. «مصدر جديد» يضيف واحدًا: خادم Label Studio ML، أو خادم محادثة متوافق مع OpenAI، أو خادمًا يتكلم بروتوكول ترميز.
sources-files-only = يُغذّى من ملفات: لا خادم بعد
sources-name = الاسم
sources-kind = النوع
sources-kind-ls = خادم Label Studio ML
sources-kind-openai = محادثة متوافقة مع OpenAI
sources-kind-tarmeez = بروتوكول ترميز
sources-url = العنوان
sources-timeout = المهلة
sources-model = النموذج
sources-key = متغير مفتاح الواجهة
sources-key-help = متغير البيئة الذي يحمل المفتاح (المفتاح نفسه لا يُكتب في المشروع الذي يتشاركه الفريق)
sources-feedback = أرسل القرارات إلى الخادم
sources-feedback-help = تُرسل الاقتراحات المقبولة والمعدّلة والمرفوضة إلى الخادم ليتعلم منها
sources-prompt = التعليمات (يوضع فيها {"{"}schema{"}"} و{"{"}text{"}"})
sources-prompt-hint = فارغ: التعليمات المدمجة
sources-labels = تسميات النموذج والأنواع التي تصير إليها
sources-label-add = أضف تسمية
sources-label-remove = احذف هذه التسمية
sources-label-ignore = (مُهملة)
sources-save = احفظ
sources-remove = احذف المصدر
sources-remove-help = يحذف إعدادات المصدر؛ وتبقى اقتراحاته
sources-check = افحص الخادم
sources-ask-source = قائمة النموذج تسأل
sources-ask-on-open = اسأل عن كل وثيقة حين أفتحها
sources-scope-shown = هذه الوثيقة
sources-scope-chosen = الوثائق المختارة
sources-scope-all = كل الوثائق
sources-choose-all = الكل
sources-choose-none = لا شيء
sources-ask = { $count ->
    [zero] لا وثائق للسؤال عنها
    [one] اسأل عن وثيقة واحدة
    [two] اسأل عن وثيقتين
    [few] اسأل عن { $count } وثائق
   *[other] اسأل عن { $count } وثيقة
}
sources-cancel = ألغِ
asking-progress = سؤال { $source }: { $done } من { $total }
asking-cancelled = أُلغي بعد { $done } من { $total }
asking-done = أجاب { $source }: أضيف { $added } اقتراح، وفشلت { $failed } وثيقة
asking-line-added = { $doc }: { $count ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $count } اقتراحات
   *[other] { $count } اقتراحًا
}
asking-line-nothing-new = { $doc }: لا جديد
asking-line-refused = { $doc }: لم يؤخذ شيء. { $why }
asking-line-failed = { $doc }: { $why }
sources-prompt-start = عدّل التعليمات المدمجة

# Issue 18: the learner inside the app (Model > Learner, the review queue's order, the review statistics).
cmd-toggle-learner = المتعلّم…
cmd-toggle-learner-help = متعلّمك الخاص: يتدرّب على الوثائق التي رمّزتها ويقترح إشارات في غيرها
window-learner = المتعلّم
learner-about = يتعلّم من الوثائق التي رمّزتها (المكتملة، أو قيد العمل وقد حُسمت كل اقتراحاتها) ويقترح إشارات تحت المصدر learner-{"{"}اسمك{"}"}، لا يراها غيرك.
learner-train-now = درّب الآن
learner-train-now-help = التدريب على وثائقك المرمَّزة واقتراح إشارات في الوثائق المفتوحة والتالية غير المكتملة
learner-training = التدريب على الوثائق المرمَّزة: { $documents }…
learner-proposing = اقتراح الإشارات: { $done } من { $total }…
learner-every = أعد التدريب بعد كل
learner-every-field = القرارات بين جولتين
learner-decisions = قرارًا (0: عند الطلب فقط)
learner-made = القرارات منذ الجولة الأخيرة: { $count }
learner-order = رتّب قائمة المراجعة بحسب تردّد المتعلّم
learner-no-round = لا جولة بعد: درّب الآن، أو واصل الترميز.
learner-trained = الوثائق التي تدرّب عليها: { $documents } (الرموز: { $tokens }).
learner-added = اقتراحات جديدة: { $count }، في وثائق نُظر فيها: { $documents }.
learner-held-out = على وثائق محجوبة لم يتدرّب عليها ({ $documents }): الدقة { $precision }، الاستدعاء { $recall }، F1 { $f1 }.
learner-none-held-out = لا وثائق محجوبة بعد: تُحجب وثيقة مرمَّزة من كل خمس متى كثرت.
review-uncertainty = التردّد
review-uncertainty-help = ما كان متعلّمك أقل يقينًا منه أولًا (يُدرَّب من النموذج > المتعلّم)؛ بحسب الموضع حتى يتدرّب
stats-learner = متعلّمك
## Issue 18: an event suggestion's role fillers in the review queue
suggested-roles = شاغلو الأدوار المقترحون (أزل العلامة لتركه):
suggested-filler = { $role }: { $text } ({ $kind })
suggested-filler-keep = إبقاء
suggested-filler-role = دور هذا الشاغل
suggested-filler-type = نوع هذا الشاغل
suggested-roles-edited = القبول بهذه التغييرات يسجّله معدَّلًا.

## Issue 19: the event map (ui/windows/event_map.rs).
cmd-toggle-map = خريطة الأحداث
cmd-toggle-map-help = الأحداث على خريطة سوريا والعراق وجوارهما، حسب النوع وعدد القتلى، مع شريط زمني
window-event-map = خريطة الأحداث
map-scope-project = كل أحداث المشروع
map-scope-table = صفوف جدول الأحداث
map-table-closed = جدول الأحداث مغلق: صفوفه هي أحداث هذه الوثيقة إلى أن يُفتح.
map-no-coordinates =
{ $count ->
    [zero] لا حدث بلا مكان ذي إحداثيات.
    [one] حدث واحد ليس له مكان ذو إحداثيات.
    [two] حدثان ليس لهما مكان ذو إحداثيات.
    [few] { $count } أحداث ليس لها مكان ذو إحداثيات.
   *[other] { $count } حدثًا ليس لها مكان ذو إحداثيات.
}
map-shown = على الخريطة: { $shown } من { $count }
map-from = من
map-to = إلى
map-no-dates = لا تاريخ لأي حدث على الخريطة.
map-killed = القتلى:
map-killed-unknown = غير معروف
map-hover-title = الحدث { $id }: { $kind } · { $date }
map-hover-place = المكان: { $place }
map-hover-actors = الفاعلون: { $actors }
map-hover-fatalities = القتلى: { $count }
map-hover-fatalities-unknown = القتلى: غير معروف
map-hover-open = انقر لفتح الحدث.
## Issue 19: the place registry (Edit > Places, a LOCATION mention's place in the inspector)
cmd-toggle-places = الأماكن…
cmd-toggle-places-help = أماكن المشروع: البحث (وفي المعجم الجغرافي أيضًا) والإضافة وتحرير الأسماء والنوع والمحافظة والإحداثيات
cmd-link-places = اربط أماكن هذه الوثيقة
cmd-link-places-help = يربط كل ذكر مكان غير مربوط تسمّي كلماته مكانًا واحدًا (تراجع واحد يلغيه)
window-places = الأماكن
places-search = ابحث في الأماكن
places-search-hint = ابحث في الأماكن (بالعربية أو اللاتينية)
places-new = مكان جديد
places-new-help = أضف مكانًا باسم البحث (حرّره على اليمين)
places-select = اختر مكانًا لتحريره؛ أماكن المعجم الجغرافي تُضاف إلى المشروع عند اختيارها.
places-name = الاسم (باللاتينية)
places-name-ar = الاسم (بالعربية)
places-country = البلد (ISO3)
places-admin1 = المحافظة
places-admin2 = المنطقة
places-admin3 = الناحية
places-latitude = خط العرض
places-longitude = خط الطول
places-geonames = رقم GeoNames
places-variants = كتابات أخرى (واحدة في كل سطر)
places-remove = احذف المكان
places-remove-help = يحذف المكان من المشروع؛ يُرفض ما دامت أذكار مربوطة به
places-not-saved = لم يُحفظ: { $why }
place-from-gazetteer = {" "}(المعجم الجغرافي)
mention-place = المكان
mention-place-missing = { $id } (ليس في أماكن المشروع)
mention-place-at = خط العرض { $latitude }، خط الطول { $longitude }
mention-search-places = ابحث في الأماكن
mention-no-place = لا مكان يطابق.
notice-places-linked = رُبطت أماكن: { $linked }؛ أذكار أماكن بقيت غير مربوطة: { $left }.
# Issue 19 (fields): schema presets, the event's record id and evidence.
new-project-preset = المخطط:
new-project-preset-conflict = النزاع
new-project-preset-acled = أكليد (ACLED)
new-project-preset-acled-help = أنواع أحداث ACLED الستة (معارك، انفجارات / عنف عن بعد، عنف ضد المدنيين، احتجاجات، أعمال شغب، تطورات استراتيجية) مع الفاعل الأول والفاعل الثاني والفاعلين المرتبطين
event-record-id = معرّف السجل
event-record-id-help = معرّف الحدث في مجموعات البيانات المصدَّرة؛ يبقى إذا تغيّر المُطلِق أو النوع وإذا اعتمد المراجع الحدث.
evidence-heading = حقول السجل وشواهدها
evidence-jump-help = أظهر هذه الكلمات في المقال
evidence-remove-help = احذف هذا الشاهد
evidence-add-help = أضف النص المحدد شاهدًا على { $field }
field-date = التاريخ
field-location = المكان
field-actor1 = الفاعل الأول
field-actor2 = الفاعل الثاني
describe-evidence = شاهد على { $field } (الحدث { $id })
