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
